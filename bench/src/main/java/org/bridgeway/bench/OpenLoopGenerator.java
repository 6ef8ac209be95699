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
 * a slot is still timed from its due time), expect (status, default 201). With
 * {@code warmupWindow=S} it instead runs until the p50 of two consecutive windows of S seconds
 * each stays within {@code warmupTolerance} (default 0.10) of the window before, or
 * {@code warmupMax} seconds pass.
 *
 * <p>Prints {@code started}, one {@code window} line per warm-up window, then one {@code result}
 * line with the latency histogram (microseconds, HdrHistogram compressed, base64) for the bench.
 */
public final class OpenLoopGenerator {

    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(120);

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final HttpClient http;
    private final RequestOptions request;
    private final List<Buffer> bodies;
    private final int expect;
    private final Semaphore inflight;
    private final int permits;

    private OpenLoopGenerator(Map<String, String> args) throws Exception {
        URI uri = URI.create(args.get("url"));
        try (var lines = Files.lines(Path.of(args.get("bodies")))) {
            bodies = lines.map(Buffer::buffer).toList();
        }
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
                    rate,
                    warmupWindow,
                    Integer.parseInt(args.getOrDefault("warmupMax", "240")),
                    Double.parseDouble(args.getOrDefault("warmupTolerance", "0.10")));
        } else {
            generator.measure(rate, Integer.parseInt(args.get("seconds")));
        }
        System.exit(0);
    }

    /** Sends at the rate for the given time, then reports every request's latency. */
    private void measure(double rate, int seconds) throws InterruptedException {
        long total = Math.round(rate * seconds);
        System.out.println("started");
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        dispatch(rate, start, total, () -> false);
        double sentSeconds = (System.nanoTime() - start) / 1e9;
        awaitOutstanding();
        long cpu = cpuNanos() - cpuStart;
        report(recorder.getIntervalHistogram(), total, sentSeconds, cpu);
    }

    /** Sends at the rate until the median settles (the JIT has compiled the hot paths). */
    private void warmUp(double rate, int windowSeconds, int maxSeconds, double tolerance) throws Exception {
        System.out.println("started");
        long start = System.nanoTime();
        long windowNanos = TimeUnit.SECONDS.toNanos(windowSeconds);
        AtomicBoolean stop = new AtomicBoolean();
        Thread sender = new Thread(() -> dispatch(rate, start, Long.MAX_VALUE, stop::get), "generator-dispatch");
        sender.start();
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        double[] medians = new double[3];
        int windows = 0;
        int stableRuns = 0;
        while (windows * (long) windowSeconds < maxSeconds) {
            LockSupport.parkNanos(start + (windows + 1) * windowNanos - System.nanoTime());
            Histogram window = recorder.getIntervalHistogram();
            all.add(window);
            windows++;
            double p50 = window.getValueAtPercentile(50) / 1000.0;
            System.out.printf(
                    "window %d p50=%.3f p99=%.3f count=%d%n",
                    windows, p50, window.getValueAtPercentile(99) / 1000.0, window.getTotalCount());
            medians[0] = medians[1];
            medians[1] = p50;
            stableRuns = windows > 1 && Math.abs(p50 - medians[0]) <= tolerance * medians[0] ? stableRuns + 1 : 0;
            if (stableRuns >= 2) {
                break;
            }
        }
        stop.set(true);
        sender.join();
        awaitOutstanding();
        System.out.printf("warmup %s after %d s%n", stableRuns >= 2 ? "stable" : "NOT stable", windows * windowSeconds);
        all.add(recorder.getIntervalHistogram());
        report(all, all.getTotalCount(), windows * (double) windowSeconds, 0);
    }

    private void dispatch(double rate, long start, long total, BooleanSupplier stopped) {
        double periodNanos = 1e9 / rate;
        for (long i = 0; i < total && !stopped.getAsBoolean(); i++) {
            long due = start + (long) (i * periodNanos);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inflight.acquireUninterruptibly();
            Buffer body = bodies.get((int) (i % bodies.size()));
            http.request(request)
                    .compose(sent -> sent.send(body))
                    .compose(response -> response.body().map(read -> response.statusCode()))
                    .onComplete(answer -> {
                        recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (System.nanoTime() - due) / 1000)));
                        if (answer.failed() || answer.result() != expect) {
                            if (errors.getAndIncrement() < 5) {
                                System.out.println(
                                        "error " + (answer.failed() ? answer.cause() : "status " + answer.result()));
                            }
                        }
                        completed.incrementAndGet();
                        inflight.release();
                    });
        }
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
