package org.bridgeway.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Starts {@link OpenLoopGenerator} in a JVM of its own (optionally pinned with taskset) for one run
 * and samples every process's CPU while it sends.
 */
final class LoadGenerator {

    private final Path work;
    private final String cpuList;
    private final ProcessCpu cpu;
    private int runs;

    /** @param cpuList taskset CPU list for the generator ("1"), or null to let the scheduler place it */
    LoadGenerator(Path work, String cpuList, ProcessCpu cpu) {
        this.work = work;
        this.cpuList = cpuList;
        this.cpu = cpu;
    }

    /** One run: latencies from each request's due time, CPU % of one core per process while sending. */
    record Result(
            String label,
            double rate,
            Histogram histogram,
            long sent,
            long errors,
            double seconds,
            Map<String, Double> cpuPercent,
            List<String> windows,
            boolean stable) {

        double p(double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1000.0;
        }

        double max() {
            return histogram.getMaxValue() / 1000.0;
        }

        /** Sustained: no error, the sender kept the rate, and p99 within the bound. */
        boolean sustained(double p99Millis) {
            return errors == 0 && sent >= 0.95 * rate * seconds && p(99) <= p99Millis;
        }

        String percentiles() {
            return String.format("p50 %.2f, p90 %.2f, p99 %.2f, max %.1f ms", p(50), p(90), p(99), max());
        }
    }

    /**
     * One run at a fixed rate; the bodies must cover {@code lead} seconds more than the run, sent first at the same
     * rate but not timed (the generator's own start).
     */
    Result run(String label, String url, String token, List<String> bodies, double rate, int seconds, int lead)
            throws Exception {
        return launch(label, url, token, bodies, rate, seconds, List.of("seconds=" + seconds, "lead=" + lead));
    }

    /**
     * A closed-loop warm-up with {@code connections} requests outstanding, until the throughput settles; the
     * bodies are templates sent for {@code firstDay}, then the day before, and so on.
     */
    Result warmUp(
            String label,
            String url,
            String token,
            List<String> templates,
            LocalDate firstDay,
            int connections,
            int windowSeconds,
            int minSeconds,
            int maxSeconds)
            throws Exception {
        return launch(
                label,
                url,
                token,
                templates,
                0,
                maxSeconds,
                List.of(
                        "firstDay=" + firstDay,
                        "inflight=" + connections,
                        "warmupWindow=" + windowSeconds,
                        "warmupMin=" + minSeconds,
                        "warmupMax=" + maxSeconds));
    }

    private Result launch(
            String label, String url, String token, List<String> bodies, double rate, int seconds, List<String> mode)
            throws Exception {
        int run = ++runs;
        Path bodyFile = work.resolve("bodies-" + run + ".jsonl");
        Files.write(bodyFile, bodies);
        List<String> command = new ArrayList<>();
        if (cpuList != null) {
            command.addAll(List.of("taskset", "-c", cpuList));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only and one GC thread: the generator needs little peak speed but must leave the cores to the
                // suite
                "-Xms256m",
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                OpenLoopGenerator.class.getName(),
                "url=" + url,
                "token=" + token,
                "bodies=" + bodyFile,
                "rate=" + rate));
        command.addAll(mode);
        Process process = new ProcessBuilder(command)
                .redirectError(work.resolve("generator-" + run + ".err").toFile())
                .start();
        ProcessCpu.Sample before = null;
        ProcessCpu.Sample after = null;
        Map<String, String> result = null;
        List<String> windows = new ArrayList<>();
        boolean stable = true;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("started")) {
                    before = cpu.sample();
                } else if (line.startsWith("result ")) {
                    after = cpu.sample();
                    result = fields(line);
                } else {
                    if (line.startsWith("window ")) {
                        windows.add(line.substring("window ".length()));
                    }
                    stable &= !line.contains("NOT stable");
                    System.out.println("  generator: " + line);
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || result == null || before == null) {
            process.destroyForcibly();
            throw new IOException(
                    "load generator failed for " + label + "; see " + work.resolve("generator-" + run + ".err"));
        }
        Files.deleteIfExists(bodyFile);
        double sentSeconds = Double.parseDouble(result.get("seconds"));
        Map<String, Double> percent = after.percentSince(before);
        percent.put("load generator", 100 * Double.parseDouble(result.get("cpuMillis")) / 1000 / sentSeconds);
        Result measured = new Result(
                label,
                rate,
                decode(result.get("histogram")),
                Long.parseLong(result.get("sent")),
                Long.parseLong(result.get("errors")),
                sentSeconds,
                percent,
                windows,
                stable);
        System.out.printf(
                "  %s %s: %s (%d sent, %d errors)%n",
                label,
                rate == 0 ? "closed loop" : String.format("at %.0f/s", rate),
                measured.percentiles(),
                measured.sent(),
                measured.errors());
        return measured;
    }

    /** Several runs at the same rate as one (the A or the B halves of an ABAB sequence); CPU weighted by time. */
    static Result combine(String label, List<Result> results) {
        Histogram merged = new Histogram(results.get(0).histogram().getHighestTrackableValue(), 3);
        Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        double seconds = 0;
        long sent = 0;
        long errors = 0;
        for (Result r : results) {
            merged.add(r.histogram());
            seconds += r.seconds();
            sent += r.sent();
            errors += r.errors();
            r.cpuPercent().forEach((name, percent) -> cpuSeconds.merge(name, percent * r.seconds(), Double::sum));
        }
        double total = seconds;
        cpuSeconds.replaceAll((name, weighted) -> weighted / total);
        return new Result(label, results.get(0).rate(), merged, sent, errors, seconds, cpuSeconds, List.of(), true);
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String field : line.substring("result ".length()).split(" ")) {
            int eq = field.indexOf('=');
            fields.put(field.substring(0, eq), field.substring(eq + 1));
        }
        return fields;
    }

    private static Histogram decode(String base64) throws DataFormatException {
        return Histogram.decodeFromCompressedByteBuffer(
                ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    }
}
