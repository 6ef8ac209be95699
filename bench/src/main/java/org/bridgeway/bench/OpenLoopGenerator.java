package org.bridgeway.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load generator, run in its own JVM so it neither shares a heap nor a JIT with the bench or
 * the suite. Open loop: request i is due at start + i / rate whatever happened to earlier ones,
 * and its latency is measured from that due time, so a stall shows up as the latency of every
 * request it delayed (no coordinated omission). HTTP/1.1 over a pool of connections, sent by
 * Vert.x's Netty client on one event loop (the JDK client cost about three times the CPU per
 * request, and upgrades to h2c, multiplexing everything over one connection).
 *
 * <p>Arguments are {@code key=value}: url, token, bodies (a file, one JSON body per line, each
 * sent once), rate (req/s), seconds, inflight (cap on requests outstanding; a request waiting for
 * a slot is still timed from its due time), expect (status, default 201). With {@code firstDay=D}
 * the bodies are templates whose {@code @DAY@} becomes D on the first pass over them, the day
 * before on the second, and so on, so a run of any length sends each (body, day) once.
 *
 * <p>With {@code warmupWindow=S} it instead warms the service up closed-loop: {@code inflight}
 * requests outstanding at all times, each sent as soon as one is answered, so the JIT sees the most
 * work the suite can do without a queue building up (an open-loop warm-up at a rate a cold service
 * cannot serve only queues, and compiles little). It runs in windows of S seconds until the
 * throughput of two consecutive windows each stays within {@code warmupTolerance} (default 0.05)
 * of the window before, after at least {@code warmupMin} seconds, or {@code warmupMax} pass.
 *
 * <p>Prints {@code started}, one {@code window} line per warm-up window, then one {@code result}
 * line with the latency histogram (microseconds, HdrHistogram compressed, base64) for the bench.
 */
public final class OpenLoopGenerator {

    /** Where a body template takes its day ({@code firstDay=}). */
    static final String DAY = "@DAY@";

    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(120);

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final HttpClient http;
    private final RequestOptions request;
    private final List<String> bodies;
    private final LocalDate firstDay;
    private final int expect;
    private final Semaphore inflight;
    private final int permits;
    /** Requests before this one (a run's lead-in) are sent but neither timed nor counted. */
    private volatile long recordFrom;

    private OpenLoopGenerator(Map<String, String> args) throws Exception {
        URI uri = URI.create(args.get("url"));
        try (var lines = Files.lines(Path.of(args.get("bodies")))) {
            bodies = lines.toList();
        }
        firstDay = args.containsKey("firstDay") ? LocalDate.parse(args.get("firstDay")) : null;
        expect = Integer.parseInt(args.getOrDefault("expect", "201"));
        permits = Integer.parseInt(args.getOrDefault("inflight", "256"));
        inflight = new Semaphore(permits);
        // one event loop: Netty's HTTP/1.1 client costs a fraction of the JDK client's CPU per request
        Vertx vertx = Vertx.vertx(
                new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        http = vertx.createHttpClient(
                new HttpClientOptions()
                        .setDefaultHost(uri.getHost())
                        .setDefaultPort(uri.getPort())
                        .setKeepAlive(true)
                        .setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(permits));
        request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI(uri.getRawPath())
                .setTimeout(30_000)
                .putHeader("Authorization", "Bearer " + args.get("token"))
                .putHeader("Content-Type", "application/json");
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            args.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        OpenLoopGenerator generator = new OpenLoopGenerator(args);
        double rate = Double.parseDouble(args.get("rate"));
        int warmupWindow = Integer.parseInt(args.getOrDefault("warmupWindow", "0"));
        if (warmupWindow > 0) {
            generator.warmUp(
                    warmupWindow,
                    Integer.parseInt(args.getOrDefault("warmupMin", "60")),
                    Integer.parseInt(args.getOrDefault("warmupMax", "300")),
                    Double.parseDouble(args.getOrDefault("warmupTolerance", "0.05")));
        } else {
            generator.measure(
                    rate, Integer.parseInt(args.get("seconds")), Integer.parseInt(args.getOrDefault("lead", "0")));
        }
        System.exit(0);
    }

    /**
     * Sends at the rate for the given time, then reports every request's latency. The first {@code lead} seconds
     * (the generator's own start: its JIT, its connections) are sent at the same rate but not recorded, so the
     * suite sees one steady stream and the histogram holds only the generator's steady state.
     */
    private void measure(double rate, int seconds, int lead) throws InterruptedException {
        long leading = Math.round(rate * lead);
        long total = Math.round(rate * seconds);
        long start = System.nanoTime();
        recordFrom = leading;
        dispatch(rate, start, leading, () -> false);
        System.out.println("started");
        long cpuStart = cpuNanos();
        long measuredStart = System.nanoTime();
        dispatch(rate, start, leading, leading + total, () -> false);
        double sentSeconds = (System.nanoTime() - measuredStart) / 1e9;
        awaitOutstanding();
        long cpu = cpuNanos() - cpuStart;
        report(recorder.getIntervalHistogram(), total, sentSeconds, cpu);
    }

    /** Closed loop until the throughput settles (the JIT has compiled the hot paths). */
    private void warmUp(int windowSeconds, int minSeconds, int maxSeconds, double tolerance) throws Exception {
        System.out.println("started");
        long start = System.nanoTime();
        long windowNanos = TimeUnit.SECONDS.toNanos(windowSeconds);
        AtomicBoolean stop = new AtomicBoolean();
        Thread sender = new Thread(() -> dispatch(0, start, Long.MAX_VALUE, stop::get), "generator-dispatch");
        sender.start();
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        double[] rates = new double[2];
        long answered = 0;
        int windows = 0;
        int stableRuns = 0;
        while (windows * (long) windowSeconds < maxSeconds) {
            LockSupport.parkNanos(start + (windows + 1) * windowNanos - System.nanoTime());
            Histogram window = recorder.getIntervalHistogram();
            all.add(window);
            windows++;
            long now = completed.get();
            double rate = (now - answered) / (double) windowSeconds;
            answered = now;
            System.out.printf(
                    "window %d %.0f req/s p50=%.3f p99=%.3f%n",
                    windows, rate, window.getValueAtPercentile(50) / 1000.0, window.getValueAtPercentile(99) / 1000.0);
            rates[0] = rates[1];
            rates[1] = rate;
            boolean steady = windows > 1 && Math.abs(rate - rates[0]) <= tolerance * rates[0];
            stableRuns = steady ? stableRuns + 1 : 0;
            if (stableRuns >= 2 && windows * (long) windowSeconds >= minSeconds) {
                break;
            }
        }
        stop.set(true);
        sender.join();
        awaitOutstanding();
        System.out.printf("warmup %s after %d s%n", stableRuns >= 2 ? "stable" : "NOT stable", windows * windowSeconds);
        all.add(recorder.getIntervalHistogram());
        report(all, completed.get(), windows * (double) windowSeconds, 0);
    }

    /** Open loop at {@code rate} (request i due at start + i / rate), or closed loop when the rate is 0. */
    private void dispatch(double rate, long start, long total, BooleanSupplier stopped) {
        dispatch(rate, start, 0, total, stopped);
    }

    /** Requests {@code from} (inclusive) to {@code to} (exclusive) of a stream that began at {@code start}. */
    private void dispatch(double rate, long start, long from, long to, BooleanSupplier stopped) {
        boolean closedLoop = rate == 0;
        double periodNanos = closedLoop ? 0 : 1e9 / rate;
        for (long i = from; i < to && !stopped.getAsBoolean(); i++) {
            long scheduled = start + (long) (i * periodNanos);
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inflight.acquireUninterruptibly();
            // closed loop: a request is due when a slot frees up
            long due = closedLoop ? System.nanoTime() : scheduled;
            Buffer body = body(i);
            boolean recorded = i >= recordFrom;
            http.request(request)
                    .compose(sent -> sent.send(body))
                    .compose(response -> response.body().map(read -> response.statusCode()))
                    .onComplete(answer -> {
                        if (recorded) {
                            recorder.recordValue(
                                    Math.min(HIGHEST_MICROS, Math.max(1, (System.nanoTime() - due) / 1000)));
                        }
                        if (answer.failed() || answer.result() != expect) {
                            if ((recorded ? errors.getAndIncrement() : 0) < 5) {
                                System.out.println(
                                        "error " + (answer.failed() ? answer.cause() : "status " + answer.result()));
                            }
                        }
                        completed.incrementAndGet();
                        inflight.release();
                    });
        }
    }

    private Buffer body(long i) {
        String body = bodies.get((int) (i % bodies.size()));
        if (firstDay != null) {
            body = body.replace(DAY, firstDay.minusDays(i / bodies.size()).toString());
        }
        return Buffer.buffer(body);
    }

    private void awaitOutstanding() throws InterruptedException {
        // Every request has a 30 s timeout, so all slots come back.
        while (inflight.availablePermits() < permits) {
            Thread.sleep(20);
        }
    }

    private void report(Histogram histogram, long sent, double sentSeconds, long cpuNanos) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] encoded = new byte[length];
        buffer.flip();
        buffer.get(encoded);
        System.out.printf(
                "result sent=%d errors=%d seconds=%.3f cpuMillis=%d histogram=%s%n",
                sent,
                errors.get(),
                sentSeconds,
                cpuNanos / 1_000_000,
                Base64.getEncoder().encodeToString(encoded));
        System.out.flush();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
