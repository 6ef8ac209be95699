package org.bridgeway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bridgeway.devstack.Devstack;

/**
 * Single screening submits, direct to screening-service (A) and via the gateway (B): a warm-up
 * until the median settles, a fixed rate run ABAB (so neither side gets the warmer JIT) with JFR
 * recordings of both services, then a stepped search for the highest rate whose p99 stays within
 * the bound.
 */
final class SubmitBench {

    static final double P99_BOUND_MILLIS = 20;
    private static final int WARM_UP_DAYS_BACK = 730;
    /** Each run's first seconds, sent but not timed: the generator's JVM and connections starting. */
    private static final int LEAD_SECONDS = 2;
    /** The lowest rate the gateway overhead falls back to: below it a run of 30 s holds too few requests. */
    private static final int MIN_OVERHEAD_RATE = 50;

    private static final String DIRECT = "direct";
    private static final String GATEWAY = "via gateway";

    private final Devstack suite;
    private final Settings settings;
    private final LoadGenerator generator;
    private final String token;
    private final String path;
    private final Cohort cohort;
    private final List<String> rows;
    private final CpuTable cpu;
    private final StringBuilder notes;
    // Submits go backwards from yesterday, one day per pass over the roster: every body is a new screening.
    private long sent;

    SubmitBench(
            Devstack suite,
            Settings settings,
            LoadGenerator generator,
            String token,
            String board,
            Cohort cohort,
            List<String> rows,
            CpuTable cpu,
            StringBuilder notes) {
        this.suite = suite;
        this.settings = settings;
        this.generator = generator;
        this.token = token;
        this.path = "/api/v1/screening/boards/" + board + "/screenings";
        this.cohort = cohort;
        this.rows = rows;
        this.cpu = cpu;
        this.notes = notes;
    }

    /** @param settle waits until the suite has drained what the warm-up left downstream */
    void run(Path results, Bench.Phase settle) throws Exception {
        warmUp();
        settle.run();
        fixedRate();
        maximumSustainable();
        closedLoopCrossCheck();
        // last: starting and stopping a recording retransforms JDK classes and throws away compiled code
        profiled(results);
    }

    /**
     * Closed loop via the gateway (so both the gateway and screening-service compile their hot paths), until the
     * throughput settles. Its screenings are dated two years back, clear of the days the measured runs use.
     */
    private void warmUp() throws Exception {
        LoadGenerator.Result warm = generator.warmUp(
                "warm-up via gateway",
                suite.gatewayUrl() + path,
                token,
                cohort.templates(),
                LocalDate.now().minusDays(WARM_UP_DAYS_BACK),
                settings.warmupConnections(),
                settings.warmupWindow(),
                settings.warmupMin(),
                settings.warmupMax());
        notes.append("Warm-up via the gateway, closed loop with ")
                .append(settings.warmupConnections())
                .append(" requests outstanding, per ")
                .append(settings.warmupWindow())
                .append(" s window: ")
                .append(String.join("; ", warm.windows()))
                .append(" — ")
                .append(warm.sent())
                .append(" screenings, ")
                .append(
                        warm.stable()
                                ? "throughput stable"
                                : "**throughput not stable within " + settings.warmupMax() + " s**")
                .append(".\n\n");
        cpu.add("warm-up via gateway, closed loop", warm.cpuPercent());
    }

    private void fixedRate() throws Exception {
        int rate = settings.rate();
        Abab runs = abab("", rate);
        LoadGenerator.Result a = runs.direct();
        LoadGenerator.Result b = runs.viaGateway();
        for (LoadGenerator.Result r : List.of(a, b)) {
            rows.add(Bench.row(
                    "single submit " + r.label() + " at " + rate + " req/s (2 × " + settings.runSeconds() + " s ABAB, "
                            + r.sent() + " requests, " + r.errors() + " failed)",
                    "p99 ≤ 20 ms",
                    r.percentiles(),
                    r.sustained(P99_BOUND_MILLIS)));
        }
        gatewayOverhead(rate, a, b);
    }

    /**
     * The gateway's overhead is a difference of medians, which measures the gateway only when neither side is
     * queueing: at the fixed rate if both sides sustain it, otherwise at half of it, then a quarter (ABAB again),
     * so the row is measured at a rate both sustain whenever there is one.
     */
    private void gatewayOverhead(int fixedRate, LoadGenerator.Result direct, LoadGenerator.Result viaGateway)
            throws Exception {
        int rate = fixedRate;
        LoadGenerator.Result a = direct;
        LoadGenerator.Result b = viaGateway;
        List<String> notSustained = new ArrayList<>();
        while (!bothSustain(a, b) && !settings.quick() && rate / 2 >= MIN_OVERHEAD_RATE) {
            notSustained.add(rate + " req/s");
            rate /= 2;
            Abab runs = abab(" overhead", rate);
            a = runs.direct();
            b = runs.viaGateway();
        }
        double overhead = b.p(50) - a.p(50);
        boolean sustained = bothSustain(a, b);
        String where =
                notSustained.isEmpty() ? "" : " (not sustained by a side at " + String.join(", ", notSustained) + ")";
        rows.add(Bench.row(
                "gateway overhead at p50, at " + rate + " req/s" + where,
                "≤ 0.5 ms",
                String.format(
                        "%.2f ms (%.2f via gateway − %.2f direct; p99 %.2f / %.2f)%s",
                        overhead,
                        b.p(50),
                        a.p(50),
                        b.p(99),
                        a.p(99),
                        sustained ? "" : "; not a measure of the gateway: a side does not sustain this rate"),
                sustained && overhead <= 0.5));
    }

    /** Both sides' runs of an ABAB sequence at one rate, each side's two runs combined. */
    private record Abab(LoadGenerator.Result direct, LoadGenerator.Result viaGateway) {}

    /** Direct, via gateway, direct, via gateway at {@code rate}, so neither side gets the warmer JIT. */
    private Abab abab(String tag, int rate) throws Exception {
        List<LoadGenerator.Result> direct = new ArrayList<>();
        List<LoadGenerator.Result> viaGateway = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            direct.add(submit(DIRECT + tag + " " + round, rate));
            viaGateway.add(submit(GATEWAY + tag + " " + round, rate));
        }
        return new Abab(LoadGenerator.combine(DIRECT, direct), LoadGenerator.combine(GATEWAY, viaGateway));
    }

    private static boolean bothSustain(LoadGenerator.Result a, LoadGenerator.Result b) {
        return a.sustained(P99_BOUND_MILLIS) && b.sustained(P99_BOUND_MILLIS);
    }

    /**
     * One more run each way at the fixed rate with a JFR recording (JFR's default settings) of screening-service and
     * the gateway; its figures stay out of the table, so the profiler's own cost does not weigh on them.
     */
    private void profiled(Path results) throws Exception {
        int rate = settings.rate();
        FlightRecording screening =
                FlightRecording.start(suite.pid("screening-service"), results.resolve("screening-service.jfr"));
        FlightRecording gateway = FlightRecording.start(suite.pid("gateway"), results.resolve("gateway.jfr"));
        LoadGenerator.Result a = submit(DIRECT + " profiled", rate);
        LoadGenerator.Result b = submit(GATEWAY + " profiled", rate);
        notes.append(String.format(
                "Profiled runs (JFR on, not in the table) at %d req/s: direct %s; via gateway %s.%n%n",
                rate, a.percentiles(), b.percentiles()));
        for (FlightRecording recording : List.of(screening, gateway)) {
            Path file = recording.stop();
            String module = file.getFileName().toString().replace(".jfr", "");
            notes.append("### JFR: ")
                    .append(module)
                    .append(" during the profiled runs (`")
                    .append(file.getFileName())
                    .append("`)\n\n")
                    .append(FlightRecording.summary(file, 12))
                    .append('\n');
        }
    }

    /** Steps up the rate, A then B at each step, until each side's p99 passes the bound (or it errs or falls behind). */
    private void maximumSustainable() throws Exception {
        Integer[] best = {null, null};
        boolean[] done = {false, false};
        LoadGenerator.Result at500 = null;
        for (int rate : settings.steps()) {
            for (int side = 0; side < 2; side++) {
                if (done[side]) {
                    continue;
                }
                LoadGenerator.Result r = submit((side == 0 ? DIRECT : GATEWAY) + " step", rate);
                if (side == 1 && rate == 500) {
                    at500 = r;
                }
                if (r.sustained(P99_BOUND_MILLIS)) {
                    best[side] = rate;
                } else {
                    done[side] = true;
                }
            }
            if (done[0] && done[1]) {
                break;
            }
        }
        if (at500 != null) {
            rows.add(Bench.row(
                    "single submit via gateway at 500 req/s (" + settings.runSeconds() + " s, " + at500.errors()
                            + " failed)",
                    "p99 ≤ 20 ms for 60 s",
                    at500.percentiles(),
                    at500.sustained(P99_BOUND_MILLIS) && settings.runSeconds() >= 60));
        }
        for (int side = 0; side < 2; side++) {
            String measured = best[side] == null
                    ? "below " + settings.steps().get(0) + " req/s"
                    : best[side] + " req/s" + (done[side] ? "" : " (the highest step tried)");
            rows.add(Bench.row(
                    "max sustainable single submits " + (side == 0 ? DIRECT : GATEWAY) + " (p99 ≤ 20 ms, steps "
                            + settings.steps() + ", " + settings.runSeconds() + " s each)",
                    "≥ 1,000 req/s",
                    measured,
                    best[side] != null && best[side] >= 1000));
        }
    }

    /** wrk's closed-loop throughput ceiling beside the open-loop search (its latencies hide queueing: context only). */
    private void closedLoopCrossCheck() throws Exception {
        if (settings.quick()) {
            return;
        }
        if (!WrkCrossCheck.available()) {
            notes.append("wrk is not installed (`apt-get install wrk`): no closed-loop cross-check.\n\n");
            return;
        }
        Path work = Files.createTempDirectory("bench-wrk-");
        notes.append("Closed-loop cross-check (wrk, 1 thread, 16 connections, ")
                .append(settings.runSeconds())
                .append(" s each; throughput ceiling, latencies hide queueing):");
        for (String side : List.of(DIRECT, GATEWAY)) {
            String base = side.equals(DIRECT) ? suite.url("screening-service") : suite.gatewayUrl();
            WrkCrossCheck.Outcome o = WrkCrossCheck.run(
                    work, base + path, token, bodies(3_000L * settings.runSeconds()), 16, settings.runSeconds());
            notes.append(String.format(
                    " %s %.0f req/s (p50 %.1f, p99 %.1f ms, %d non-2xx);",
                    side, o.requestsPerSecond(), o.p50Millis(), o.p99Millis(), o.non2xx()));
            Thread.sleep(1_000);
        }
        notes.append("\n\n");
        Files.deleteIfExists(work.resolve("submit.lua"));
        Files.deleteIfExists(work);
    }

    private LoadGenerator.Result submit(String label, int rate) throws Exception {
        String base = label.startsWith(DIRECT) ? suite.url("screening-service") : suite.gatewayUrl();
        LoadGenerator.Result r = generator.run(
                label,
                base + path,
                token,
                bodies((long) rate * (settings.runSeconds() + LEAD_SECONDS)),
                rate,
                settings.runSeconds(),
                LEAD_SECONDS);
        cpu.add(label + " " + rate + "/s (p99 " + String.format("%.1f", r.p(99)) + " ms)", r.cpuPercent());
        Thread.sleep(1_000);
        return r;
    }

    private List<String> bodies(long count) {
        List<String> bodies = new ArrayList<>((int) count);
        LocalDate yesterday = LocalDate.now().minusDays(1);
        for (long i = 0; i < count; i++, sent++) {
            bodies.add(cohort.anyBackwards(sent, yesterday).toString());
        }
        return bodies;
    }
}
