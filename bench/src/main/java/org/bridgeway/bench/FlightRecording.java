package org.bridgeway.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of a running service (started and stopped through jcmd, so the service runs
 * with its ordinary flags until the bench wants a profile) and a summary of where its CPU went.
 */
final class FlightRecording {

    private static final String NAME = "bench";

    private final long pid;
    private final Path file;

    private FlightRecording(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    static FlightRecording start(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=default", "filename=" + file.toAbsolutePath());
        return new FlightRecording(pid, file);
    }

    Path stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + NAME);
        return file;
    }

    /** Summarises recordings: {@code java -cp <bench classpath> org.bridgeway.bench.FlightRecording file.jfr...}. */
    public static void main(String[] args) throws IOException {
        for (String file : args) {
            System.out.println("## " + file + "\n\n" + summary(Path.of(file), 12));
        }
    }

    /**
     * Where the CPU went: the JVM's share of the machine, the busiest thread pools (the JIT's included), and the hottest methods by CPU samples: the top frame of each
     * sample (where the cycles are spent) and its first Bridgeway frame (which of our code paths leads there).
     */
    static String summary(Path recording, int limit) throws IOException {
        Profile profile = new Profile();
        RecordingFile.readAllEvents(recording).forEach(profile::add);
        return profile.render(limit);
    }

    private static final class Profile {

        private final Map<String, Integer> top = new HashMap<>();
        private final Map<String, Integer> ours = new HashMap<>();
        private final Map<String, Double> poolLoad = new HashMap<>();
        private final Map<String, Integer> periods = new HashMap<>();
        private double gcMillis;
        private double jvmLoad;
        private int jvmLoadEvents;
        private int samples;

        void add(RecordedEvent event) {
            switch (event.getEventType().getName()) {
                case "jdk.ThreadCPULoad" -> threadLoad(event);
                case "jdk.CPULoad" -> {
                    jvmLoad += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                    jvmLoadEvents++;
                }
                case "jdk.GarbageCollection" -> gcMillis += event.getDuration().toNanos() / 1e6;
                case "jdk.ExecutionSample" -> sample(event);
                default -> {}
            }
        }

        private void threadLoad(RecordedEvent event) {
            if (event.getThread() == null) {
                return;
            }
            // the share of the whole machine per period, summed per pool of threads
            String thread = event.getThread().getJavaName() != null
                    ? event.getThread().getJavaName()
                    : event.getThread().getOSName();
            poolLoad.merge(
                    threadGroup(thread), (double) (event.getFloat("user") + event.getFloat("system")), Double::sum);
            periods.merge(thread, 1, Integer::sum);
        }

        private void sample(RecordedEvent event) {
            if (event.getStackTrace() == null
                    || event.getStackTrace().getFrames().isEmpty()) {
                return;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            samples++;
            top.merge(name(frames.get(0)), 1, Integer::sum);
            frames.stream()
                    .filter(f -> f.getMethod().getType().getName().startsWith("org.bridgeway"))
                    .findFirst()
                    .ifPresent(f -> ours.merge(name(f), 1, Integer::sum));
        }

        String render(int limit) {
            // one event per live thread and period: the longest-lived thread counts the periods
            int recorded = Math.max(
                    1,
                    periods.values().stream().mapToInt(Integer::intValue).max().orElse(1));
            StringBuilder pools = new StringBuilder();
            poolLoad.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(6)
                    .forEach(e ->
                            pools.append(String.format("- %5.1f%% `%s`%n", 100 * e.getValue() / recorded, e.getKey())));
            return String.format(
                            "The JVM used %.0f%% of the machine on average; GC pauses %.0f ms in total;"
                                    + " %d CPU samples of Java code.%n%n",
                            100 * jvmLoad / Math.max(1, jvmLoadEvents), gcMillis, samples)
                    + "Thread pools by CPU (mean share of the machine; `C1`/`C2 CompilerThread` are the JIT):\n" + pools
                    + "\nTop frames:\n" + ranked(top, samples, limit)
                    + "\nFirst Bridgeway frame on the stack:\n" + ranked(ours, samples, limit);
        }
    }

    /** Pool threads by their pool ("executor-thread-1" and "-2" are one line). */
    private static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("[-#]?\\d+$", "");
    }

    private static String ranked(Map<String, Integer> counts, int samples, int limit) {
        StringBuilder out = new StringBuilder();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> out.append(
                        String.format("- %5.1f%% `%s`%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
        return out.toString();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
