package org.bridgeway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop cross-check of the open-loop generator with wrk (Debian's package; skipped when it
 * is not installed): a fixed number of connections each sending its next request as soon as the
 * last is answered, so it finds the throughput ceiling, while its latencies hide queueing
 * (coordinated omission) and are reported only as context.
 */
final class WrkCrossCheck {

    private static final String SCRIPT = """
            local bodies = {}
            local sent = 0
            local token = ""
            init = function(args)
              for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
              token = args[2]
            end
            request = function()
              sent = sent + 1
              return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token},
                bodies[(sent - 1) % #bodies + 1])
            end
            """;
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE =
            Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    record Outcome(double requestsPerSecond, double p50Millis, double p99Millis, long non2xx) {}

    private WrkCrossCheck() {}

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/wrk")) || Files.isExecutable(Path.of("/usr/local/bin/wrk"));
    }

    /** One wrk thread, {@code connections} connections, every body sent at most once (wrk wraps when it runs out). */
    static Outcome run(Path work, String url, String token, List<String> bodies, int connections, int seconds)
            throws Exception {
        Path script = Files.writeString(work.resolve("submit.lua"), SCRIPT);
        Path bodyFile = work.resolve("wrk-bodies.jsonl");
        Files.write(bodyFile, bodies);
        Process wrk = new ProcessBuilder(
                        "wrk",
                        "-t1",
                        "-c" + connections,
                        "-d" + seconds + "s",
                        "--latency",
                        "-s",
                        script.toString(),
                        url,
                        "--",
                        bodyFile.toString(),
                        token)
                .redirectErrorStream(true)
                .start();
        String output = new String(wrk.getInputStream().readAllBytes());
        if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            wrk.destroyForcibly();
            throw new IOException("wrk failed: " + output);
        }
        Files.deleteIfExists(bodyFile);
        Map<String, Double> percentiles = new java.util.HashMap<>();
        Matcher p = PERCENTILE.matcher(output);
        while (p.find()) {
            double value = Double.parseDouble(p.group(2));
            percentiles.put(
                    p.group(1),
                    switch (p.group(3)) {
                        case "us" -> value / 1000;
                        case "s" -> value * 1000;
                        default -> value;
                    });
        }
        Matcher rate = RATE.matcher(output);
        Matcher non2xx = NON_2XX.matcher(output);
        return new Outcome(
                rate.find() ? Double.parseDouble(rate.group(1)) : Double.NaN,
                percentiles.getOrDefault("50", Double.NaN),
                percentiles.getOrDefault("99", Double.NaN),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
    }
}
