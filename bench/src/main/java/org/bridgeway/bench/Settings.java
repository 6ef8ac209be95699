package org.bridgeway.bench;

import java.util.Arrays;
import java.util.List;
import org.bridgeway.devstack.SyntheticCohort;

/**
 * The bench's knobs, as system properties ({@code -Dbench.x=...} after {@code ./bridgeway bench}).
 * {@code bench.quick=true} (or {@code ./bridgeway bench --quick}) shrinks every phase to seconds to
 * try the method out; its figures are not meant for publication.
 */
record Settings(
        boolean quick,
        int students,
        int bulkRows,
        SyntheticCohort.Mix mix,
        int rate,
        int runSeconds,
        int warmupWindow,
        int warmupMin,
        int warmupMax,
        int warmupConnections,
        List<Integer> steps,
        int flagged,
        int flaggedRate,
        int backlog,
        String generatorCpus,
        String synchronousCommit,
        List<String> phases) {

    static Settings fromSystemProperties() {
        boolean quick = Boolean.getBoolean("bench.quick");
        return new Settings(
                quick,
                Integer.getInteger("bench.students", quick ? 1_000 : 10_000),
                Integer.getInteger("bench.bulkRows", quick ? 2_000 : 20_000),
                // a few percent flagged: high-risk students always are, moderate ones mostly (the instrument decides)
                new SyntheticCohort.Mix(
                        Double.parseDouble(System.getProperty("bench.highRiskShare", "0.04")),
                        Double.parseDouble(System.getProperty("bench.moderateRiskShare", "0.02")),
                        0.6,
                        0.15),
                Integer.getInteger("bench.rate", 200),
                Integer.getInteger("bench.seconds", quick ? 5 : 30),
                Integer.getInteger("bench.warmupWindow", quick ? 5 : 15),
                Integer.getInteger("bench.warmupMin", quick ? 5 : 180),
                Integer.getInteger("bench.warmupMax", quick ? 10 : 360),
                Integer.getInteger("bench.warmupConnections", 16),
                Arrays.stream(System.getProperty("bench.steps", quick ? "400" : "500,750,1000,1250,1500,2000")
                                .split(","))
                        .map(String::trim)
                        .map(Integer::valueOf)
                        .toList(),
                Integer.getInteger("bench.flagged", quick ? 40 : 1_000),
                Integer.getInteger("bench.flaggedRate", 20),
                Integer.getInteger("bench.backlog", quick ? 300 : 20_000),
                System.getProperty("bench.generatorCpus"),
                System.getProperty("bridgeway.pg.synchronous-commit", "on"),
                Arrays.stream(System.getProperty("bench.phases", "all").split(","))
                        .map(String::trim)
                        .toList());
    }

    /** Whether a phase runs: {@code -Dbench.phases=flagged,matching} runs only those (names as in the table). */
    boolean runs(String phase) {
        return phases.contains("all") || phases.contains(phase);
    }

    String describe() {
        return (quick ? "QUICK smoke run (phases of seconds; not for publication), " : "")
                + students + " students (" + Math.round(mix.high() * 100) + "% high-risk, "
                + Math.round(mix.moderate() * 100)
                + "% moderate), bulk " + bulkRows + " rows, "
                + "fixed rate " + rate + " req/s, runs of " + runSeconds + " s, closed-loop warm-up with "
                + warmupConnections + " connections in windows of " + warmupWindow + " s (" + warmupMin + " to "
                + warmupMax + " s), steps " + steps + " req/s, load generator "
                + (generatorCpus == null ? "unpinned" : "pinned to CPU " + generatorCpus);
    }
}
