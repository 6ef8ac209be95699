package org.bridgeway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bridgeway.devstack.Devstack;
import org.bridgeway.devstack.PostgresServer;
import org.bridgeway.devstack.SyntheticCohort;
import org.bridgeway.devstack.TempDirs;

/**
 * Measures the suite against the targets of DESIGN.md §9, each side by side with its raw limit in
 * the same run, and writes a results table (bench/results/&lt;run&gt;/results.md and latest.md). The
 * phases run in order, each on a drained suite: bulk ingest with its raw JDBC and COPY baselines,
 * single submits (separate open-loop generator), flagged screenings downstream, footprint.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOARD = "bench-board";
    private static final List<String> SCHOOLS =
            List.of("bench-school-1", "bench-school-2", "bench-school-3", "bench-school-4");
    private static final double IDLE_PERCENT = 15;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);

    private final Devstack suite;
    private final Settings settings;
    private final ProcessCpu processCpu;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String sis;
    private final List<String> rows = new ArrayList<>();
    private final CpuTable cpu = new CpuTable();
    private final StringBuilder notes = new StringBuilder();
    private Cohort cohort;

    private Bench(Devstack suite, Settings settings, Path home) {
        this.suite = suite;
        this.settings = settings;
        this.processCpu = new ProcessCpu(suite, home.resolve("postgres"));
        this.sis = suite.tokens().token("bench-sis").roles("sis").board(BOARD).sign();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Settings settings = Settings.fromSystemProperties();
        // Published figures are taken as production runs: a commit waits for its WAL flush.
        System.setProperty("bridgeway.pg.synchronous-commit", settings.synchronousCommit());
        Path home = Files.createTempDirectory("bridgeway-bench-");
        Devstack suite = new Devstack(Devstack.Layout.ephemeral(root, home))
                .withEnv("gateway", "BRIDGEWAY_RATE_LIMIT_ENABLED", "false");
        // Stops the suite's processes also when the bench is interrupted (Ctrl-C, timeout).
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "bench-stop"));
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Path results = Files.createDirectories(root.resolve("bench/results")
                .resolve(stamp + (settings.quick() ? "-quick" : "") + (settings.runs("all") ? "" : "-partial")));
        int exit = 1;
        try {
            suite.start();
            new Bench(suite, settings, home).run(root, home, results);
            exit = 0;
        } catch (Exception e) {
            System.err.println("bench failed: " + e);
            e.printStackTrace();
        } finally {
            suite.close();
            keepLogs(home, results);
            TempDirs.deleteQuietly(home);
        }
        System.exit(exit);
    }

    interface Phase {
        void run() throws Exception;
    }

    /** Runs one phase; a failure is a row of the table and the run goes on, so one broken phase costs no other figure. */
    private void phase(String key, String name, Phase phase) {
        if (!settings.runs(key)) {
            return;
        }
        try {
            phase.run();
        } catch (Exception e) {
            System.err.println("bench: phase " + name + " failed: " + e);
            e.printStackTrace();
            rows.add(row(
                    name,
                    "–",
                    "**phase failed**: " + e.toString().replace('|', '/').replace('\n', ' '),
                    false));
        }
    }

    /** The services' logs beside the results (the suite's home is deleted). */
    private static void keepLogs(Path home, Path results) {
        try (var logs = Files.list(home.resolve("logs"))) {
            Path kept = Files.createDirectories(results.resolve("logs"));
            for (Path log : logs.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()));
            }
        } catch (IOException e) {
            System.err.println("bench: logs not kept: " + e.getMessage());
        }
    }

    private void run(Path root, Path home, Path results) throws Exception {
        long started = System.nanoTime();
        cohort = roster(settings.students());
        String durability = durability();

        phase("bulk", "bulk ingest", () -> bulkIngest(settings.bulkRows()));
        drained("after bulk ingest");
        LoadGenerator generator = new LoadGenerator(home, settings.generatorCpus(), processCpu);
        phase(
                "submits",
                "single submits",
                () -> new SubmitBench(suite, settings, generator, sis, BOARD, cohort, rows, cpu, notes)
                        .run(results, () -> drained("after the submit warm-up")));
        drained("after the submit runs");
        phase("flagged", "flagged → case", () -> flaggedToCase(settings.flagged()));
        phase("backlog", "flagged backlog", () -> backlog(settings.backlog()));
        phase("search", "partner search", () -> new PartnerSearchBench(suite, rows, notes).run());
        phase("matching", "matching", () -> new MatchingBench().run(rows));
        phase("memory", "memory", this::memory);
        phase("readiness", "readiness", this::readiness);

        String report = "# Bench results " + Instant.now() + "\n\n"
                + Runtime.getRuntime().availableProcessors()
                + " cores shared by everything: the load generator (its own JVM), "
                + "PostgreSQL, Kafka and the four services. " + settings.describe() + ". " + durability + "\n\n"
                + "Latency is measured by an open-loop generator from each request's scheduled send time (HTTP/1.1, "
                + "a pool of connections, HdrHistogram), so queueing counts. Every phase starts on a drained suite.\n\n"
                + "| what | target | measured | met |\n|---|---|---|---|\n" + String.join("\n", rows) + "\n\n"
                + "## CPU per process (% of one core; the machine has "
                + Runtime.getRuntime().availableProcessors() * 100 + "%)\n\n"
                + "The last column is CPU time this virtual machine wanted but its hypervisor gave to other guests"
                + " (steal, over all cores): the cores the suite really had were that much fewer.\n\n"
                + cpu.render() + "\n## Notes\n\n" + notes
                + String.format("%nThe whole run took %.1f minutes.%n", (System.nanoTime() - started) / 60e9);
        System.out.println("\n" + report);
        Files.writeString(results.resolve("results.md"), report);
        if (!settings.quick() && settings.runs("all")) {
            Files.writeString(root.resolve("bench/results/latest.md"), report);
        }
        System.out.println("bench: results in " + results);
    }

    /** The board's cohort (devstack's synthetic generator, the bench's risk mix) pushed as its roster. */
    private Cohort roster(int count) throws Exception {
        SyntheticCohort students = SyntheticCohort.generate(2026, "B", SCHOOLS, count, settings.mix());
        HttpResponse<String> response = send(
                "POST", suite.gatewayUrl() + "/api/v1/screening/boards/" + BOARD + "/roster", sis, students.roster());
        expect(response, 200);
        Map<String, String> refs = new HashMap<>();
        read(response.body())
                .path("students")
                .forEach(s -> refs.put(
                        s.path("sisStudentId").asText(), s.path("studentRef").asText()));
        JsonNode instrument = read(
                send("GET", suite.gatewayUrl() + "/api/v1/screening/instruments/needs-survey/versions/1", sis, null)
                        .body());
        return new Cohort(students, instrument, refs);
    }

    /** PostgreSQL's durability settings as the server reports them, for the results header. */
    private String durability() throws Exception {
        StringBuilder out = new StringBuilder("PostgreSQL:");
        try (Connection c = DriverManager.getConnection(
                        suite.postgres().jdbcUrl("screening"), PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method")) {
                try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                    rs.next();
                    out.append(' ').append(setting).append('=').append(rs.getString(1));
                }
            }
        }
        return out.append(" (with synchronous_commit=on a commit returns only once its WAL is flushed to disk)")
                .toString();
    }

    /** Pushes rows as one batch through the gateway; returns the finished batch's state. */
    private JsonNode batch(ArrayNode rows) throws Exception {
        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(
                                URI.create(suite.gatewayUrl() + "/api/v1/screening/boards/" + BOARD + "/batches"))
                        .header("Authorization", "Bearer " + sis)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(rows)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        expect(accepted, 202);
        String id = read(accepted.body()).path("id").asText();
        JsonNode state;
        do {
            Thread.sleep(100);
            state = read(send("GET", suite.gatewayUrl() + "/api/v1/screening/batches/" + id, sis, null)
                    .body());
        } while (!"completed".equals(state.path("status").asText())
                && !"failed".equals(state.path("status").asText()));
        return state;
    }

    /** Bulk ingest through the gateway vs the same rows written by raw JDBC and by COPY into tables of the same shape. */
    private void bulkIngest(int count) throws Exception {
        // The same rows on another day first, so the measured batch meets a warm JIT (DESIGN.md §9: warm figures)
        ArrayNode warmUp = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            warmUp.add(cohort.any(i, LocalDate.of(2024, 12, 2)));
        }
        long warmStart = System.nanoTime();
        JsonNode warmed = batch(warmUp);
        notes.append(String.format(
                "Bulk warm-up: a batch of the same %d rows on another day took %.1f s (%d stored).%n%n",
                count,
                (System.nanoTime() - warmStart) / 1e9,
                warmed.path("succeeded").asInt()));
        drained("after the bulk warm-up");
        ArrayNode rows = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            rows.add(cohort.any(i, LocalDate.of(2025, 1, 1)));
        }
        Instant from = Instant.now();
        ProcessCpu.Sample before = processCpu.sample();
        long start = System.nanoTime();
        JsonNode state = batch(rows);
        double serviceSeconds = (System.nanoTime() - start) / 1e9;
        cpu.add("bulk ingest " + count + " rows", processCpu.sample().percentSince(before));
        Instant to = Instant.now();
        int succeeded = state.path("succeeded").asInt();
        double serviceRate = succeeded / serviceSeconds;
        RawBaseline.Rates raw =
                RawBaseline.measure(suite, UUID.fromString(state.path("id").asText()), from, to, 500);
        this.rows.add(row(
                "bulk ingest via gateway (score + store + outbox; warm, after a batch of the same size), " + succeeded
                        + " rows, "
                        + String.format("%.1f%%", 100.0 * state.path("flagged").asInt() / Math.max(1, succeeded))
                        + " flagged",
                "≥ 70% of raw JDBC",
                String.format(
                        "%.0f rows/s vs raw JDBC %.0f rows/s (same shape, %d outbox rows) = %.0f%%;"
                                + " COPY %.0f rows/s",
                        serviceRate,
                        raw.jdbcRowsPerSecond(),
                        raw.outboxRows(),
                        100 * serviceRate / raw.jdbcRowsPerSecond(),
                        raw.copyRowsPerSecond()),
                serviceRate >= 0.7 * raw.jdbcRowsPerSecond()));
    }

    /**
     * Drained: every event relayed, every flagged screening with its case, and then the suite idle (the consumers
     * downstream of the cases, the relays and the JIT done), so the next phase measures only itself.
     */
    void drained(String when) throws Exception {
        Drain.State state = Drain.await(suite, BOARD, DRAIN_TIMEOUT);
        double idleAfter = awaitIdle();
        notes.append("Drained ")
                .append(when)
                .append(": ")
                .append(state)
                .append(state.quiet() ? "" : " — **not drained**")
                .append(
                        Double.isNaN(idleAfter)
                                ? "; **the suite was still busy after 120 s**"
                                : String.format(
                                        "; the suite idle (under %.0f%% of a core) %.1f s later",
                                        IDLE_PERCENT, idleAfter))
                .append(".\n\n");
    }

    /** Seconds until the services and PostgreSQL together use under IDLE_PERCENT of one core over 2 s, or NaN. */
    private double awaitIdle() throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120)) {
            ProcessCpu.Sample before = processCpu.sample();
            Thread.sleep(2_000);
            Map<String, Double> percent = processCpu.sample().percentSince(before);
            double busy = percent.entrySet().stream()
                    .filter(e ->
                            !e.getKey().equals(ProcessCpu.BENCH) && !e.getKey().equals(ProcessCpu.KAFKA))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
            if (busy < IDLE_PERCENT) {
                return (System.nanoTime() - start) / 1e9;
            }
        }
        return Double.NaN;
    }

    /**
     * Flagged single submits at a modest rate on the quiet suite, each timed from its row to its referral case,
     * after a fifth as many sent the same way and drained (the consumers' and matching's first calls compile their
     * code: the figures are warm, as DESIGN.md §9 asks).
     */
    private void flaggedToCase(int count) throws Exception {
        ReferralBench referrals = new ReferralBench(suite, BOARD, SCHOOLS);
        referrals.prepare();
        int warmUp = Math.max(10, count / 5);
        sendFlagged(warmUp, LocalDate.of(2025, 7, 1));
        drained("after the flagged warm-up (" + warmUp + " flagged at " + settings.flaggedRate() + "/s)");
        List<UUID> ids = sendFlagged(count, LocalDate.of(2025, 5, 1));
        Percentiles p = new FlaggedPhases(suite, BOARD).storedToCase(ids, Duration.ofSeconds(60));
        rows.add(row(
                "flagged → case opened in referral-service, " + p.count() + " of " + count + " flagged at "
                        + settings.flaggedRate() + "/s on a quiet suite (the first stage of flagged → requested)",
                "p95 ≤ 150 ms (to referral requested)",
                String.format("p50 %.0f, p95 %.0f, p99 %.0f ms", p.p50(), p.p95(), p.p99()),
                p.count() == count && p.p95() <= 150));
        rows.add(referrals.row(ids, settings.flaggedRate()));
        notes.append("Flagged → referral requested, p50 (ms) of each tenth of the ")
                .append(count)
                .append(" sends in order: ")
                .append(referrals.tenths())
                .append(".\n\n");
    }

    private List<UUID> sendFlagged(int count, LocalDate first) throws Exception {
        List<UUID> ids = new ArrayList<>();
        long periodNanos = 1_000_000_000L / settings.flaggedRate();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            java.util.concurrent.locks.LockSupport.parkNanos(start + i * periodNanos - System.nanoTime());
            HttpResponse<String> created = send(
                    "POST",
                    suite.gatewayUrl() + "/api/v1/screening/boards/" + BOARD + "/screenings",
                    sis,
                    cohort.highRisk(i, first));
            expect(created, 201);
            ids.add(UUID.fromString(read(created.body()).path("id").asText()));
        }
        return ids;
    }

    /**
     * A backlog as it arises: referral-service is down (a deploy, an outage) while a batch of flagged screenings is
     * ingested and relayed; then it starts, and the row is how fast it opens the waiting cases, first case to last,
     * its JIT cold as after any restart (the rate over the last 80% is in the notes).
     */
    private void backlog(int count) throws Exception {
        ArrayNode rows = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            rows.add(cohort.highRisk(i, LocalDate.of(2025, 3, 1)));
        }
        suite.stopService("referral-service");
        JsonNode state;
        try {
            state = batch(rows);
            if (!Drain.awaitRelayed(suite, "screening", DRAIN_TIMEOUT)) {
                throw new IllegalStateException("screening-service did not relay the backlog's events");
            }
        } finally {
            suite.startService("referral-service");
        }
        ProcessCpu.Sample before = processCpu.sample();
        FlaggedPhases.DrainRate rate = new FlaggedPhases(suite, BOARD)
                .casesPerSecond(UUID.fromString(state.path("id").asText()), DRAIN_TIMEOUT);
        cpu.add(
                "backlog of " + count + " flagged, drain after a restart",
                processCpu.sample().percentSince(before));
        this.rows.add(row(
                "backlog of " + state.path("flagged").asInt()
                        + " flagged (one batch, queued while referral-service was down) → cases opened after it"
                        + " starts",
                "≥ 2,000/s",
                Double.isNaN(rate.whole())
                        ? "not all cases opened in " + DRAIN_TIMEOUT.toMinutes() + " min"
                        : String.format("%.0f cases/s", rate.whole()),
                rate.whole() >= 2000));
        notes.append(String.format(
                "Backlog drain over its last 80%% (the restarted JVM's JIT warm by then): %.0f cases/s.%n%n",
                rate.lastFourFifths()));
        drained("after the backlog");
    }

    /** Restart each service and time it from process start to ready. */
    private void readiness() throws Exception {
        for (Devstack.Service service : Devstack.SERVICES) {
            suite.stopService(service.module());
            long start = System.nanoTime();
            try {
                suite.startService(service.module());
            } catch (IOException e) {
                rows.add(row(service.module() + " start to ready", "≤ 2 s", "did not start: " + e.getMessage(), false));
                continue;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(
                    row(service.module() + " start to ready", "≤ 2 s", String.format("%.2f s", seconds), seconds <= 2));
        }
    }

    /** Resident memory of each service after the load above (read from /proc), before the readiness restarts. */
    private void memory() throws Exception {
        for (Devstack.Service service : Devstack.SERVICES) {
            long pid = suite.pid(service.module());
            long kb = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElse(-1);
            rows.add(row(
                    service.module() + " RSS after load",
                    "≤ 250 MB",
                    String.format("%.0f MB", kb / 1024.0),
                    kb / 1024.0 <= 250));
        }
    }

    private HttpResponse<String> send(String method, String url, String token, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static JsonNode read(String json) throws IOException {
        return JSON.readTree(json);
    }

    static String row(String what, String target, String measured, boolean met) {
        return "| " + what + " | " + target + " | " + measured + " | " + (met ? "yes" : "**no**") + " |";
    }
}
