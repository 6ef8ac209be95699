package org.bridgeway.testing;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook endpoint: a real HTTP server on localhost that records every POST, answers the statuses it
 * is told to (200 once they run out) and notes how many requests were ever in flight at once. Signatures are
 * checked with the algorithm docs/interop.md gives integrators, written here independently of the service's code.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(
            String id, String timestamp, String signature, String contentType, String body, Instant at) {}

    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    public volatile int defaultAnswer = 200;
    public volatile Consumer<Received> beforeAnswering = r -> {};

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next requests get these statuses, in order. */
    public void answer(int... statuses) {
        for (int status : statuses) {
            answers.add(status);
        }
    }

    public List<Received> awaitAtLeast(int count, Duration within) {
        await().atMost(within).until(() -> received.size() >= count);
        return new ArrayList<>(received);
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (InputStream in = exchange.getRequestBody()) {
            Received r = new Received(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Instant.now());
            received.add(r);
            beforeAnswering.accept(r);
            // a moment inside the request, so two overlapping deliveries would be seen overlapping
            Thread.sleep(30);
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? defaultAnswer : status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    /**
     * The integrator's check: some {@code v1,<sig>} entry of the header equals base64(HMAC-SHA256(key,
     * "{webhook-id}.{webhook-timestamp}.{raw body}")), the key being the base64 after {@code whsec_}, compared in
     * constant time, and the timestamp within five minutes of now.
     */
    public static boolean verifies(String secret, Received r) {
        long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(r.timestamp()));
        if (age > 300) {
            return false;
        }
        for (String entry : r.signature().split(" ")) {
            if (entry.startsWith("v1,") && signatureMatches(secret, r, entry.substring(3))) {
                return true;
            }
        }
        return false;
    }

    public static boolean signatureMatches(String secret, Received r, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected =
                    mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(
                    Base64.getEncoder().encodeToString(expected).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
