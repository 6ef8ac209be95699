package org.bridgeway.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bridgeway.devstack.Devstack;

/**
 * CPU time per process of the suite, read from /proc/&lt;pid&gt;/stat, so each run's table shows who
 * eats the two cores. PostgreSQL is the postmaster, its live backends and the backends it has
 * already reaped (the postmaster's cutime/cstime).
 */
final class ProcessCpu {

    /** USER_HZ, the unit of /proc/&lt;pid&gt;/stat times; 100 on every Linux this runs on. */
    private static final double MILLIS_PER_TICK = 10.0;

    static final String POSTGRES = "postgresql";
    static final String KAFKA = "kafka";
    static final String BENCH = "bench (driver)";
    /** CPU time the hypervisor gave to other guests while this one wanted it (steal in /proc/stat), all cores. */
    static final String STEAL = "stolen by the hypervisor";

    private final Devstack suite;
    private final Path postgresData;

    ProcessCpu(Devstack suite, Path postgresData) {
        this.suite = suite;
        this.postgresData = postgresData;
    }

    /** CPU milliseconds used so far, per process, at one instant. */
    record Sample(long nanos, Map<String, Double> cpuMillis) {

        /** Share of one core each process used between {@code earlier} and this sample, in percent. */
        Map<String, Double> percentSince(Sample earlier) {
            double wallMillis = (nanos - earlier.nanos) / 1e6;
            Map<String, Double> percent = new LinkedHashMap<>();
            cpuMillis.forEach((name, millis) ->
                    percent.put(name, 100 * (millis - earlier.cpuMillis.getOrDefault(name, millis)) / wallMillis));
            return percent;
        }
    }

    Sample sample() {
        Map<String, Double> millis = new LinkedHashMap<>();
        for (Devstack.Service service : Devstack.SERVICES) {
            millis.put(service.module(), ticks(suite.pid(service.module()), false) * MILLIS_PER_TICK);
        }
        millis.put(POSTGRES, postgresTicks() * MILLIS_PER_TICK);
        millis.put(KAFKA, ticks(suite.kafka().pid(), false) * MILLIS_PER_TICK);
        millis.put(BENCH, ticks(ProcessHandle.current().pid(), false) * MILLIS_PER_TICK);
        millis.put(STEAL, stealTicks() * MILLIS_PER_TICK);
        return new Sample(System.nanoTime(), millis);
    }

    private static long stealTicks() {
        try {
            // cpu user nice system idle iowait irq softirq steal ...
            String[] total =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return total.length > 8 ? Long.parseLong(total[8]) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private long postgresTicks() {
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        long total = ticks(postmaster, true);
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String[] stat = stat(Long.parseLong(process.getFileName().toString()));
                if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                    total += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    /** utime + stime (+ cutime + cstime of reaped children) in clock ticks; 0 for a process that is gone. */
    private static long ticks(long pid, boolean withReapedChildren) {
        String[] stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        long own = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        return withReapedChildren ? own + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : own;
    }

    /** The fields of /proc/&lt;pid&gt;/stat after the command name: [0] is field 3 (state), [1] ppid, [11] utime. */
    private static String[] stat(long pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
