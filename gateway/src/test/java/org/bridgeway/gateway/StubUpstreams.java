package org.bridgeway.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.bridgeway.devstack.Ports;
import org.bridgeway.testing.TestInfra;

/**
 * A small HTTP server standing in for the services, to exercise the gateway's own behaviour (edge
 * auth, limits, timeouts, breakers, header propagation) in isolation. The whole suite behind the
 * gateway is tested in system-tests. partner-service points at a port where nothing listens.
 */
public class StubUpstreams implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private final AtomicLong hits = new AtomicLong();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "bridgeway.upstreams.screening.url", url,
                "bridgeway.upstreams.screening.timeout", "1s",
                "bridgeway.upstreams.referral.url", url,
                "bridgeway.upstreams.partner.url", "http://127.0.0.1:" + Ports.free(),
                "bridgeway.breaker.failures", "3",
                "bridgeway.breaker.open-for", "30s",
                "bridgeway.rate-limit.bulk.per-second", "0.01",
                "bridgeway.rate-limit.bulk.burst", "2",
                "bridgeway.body-limit.other", "1000",
                "mp.jwt.verify.publickey", TestInfra.tokens().publicKeyBase64());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/_hits")) {
            reply(exchange, 200, "application/json", "{\"hits\":" + hits.get() + "}");
            return;
        }
        if (path.equals("/q/health/ready")) {
            reply(exchange, 200, "application/json", "{\"status\":\"UP\"}");
            return;
        }
        hits.incrementAndGet();
        long bodyBytes;
        try (InputStream in = exchange.getRequestBody()) {
            bodyBytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (path.endsWith("/slow")) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (path.endsWith("/problem")) {
            reply(
                    exchange,
                    422,
                    "application/problem+json",
                    "{\"title\":\"Unprocessable Content\",\"status\":422,\"detail\":\"from upstream\"}");
            return;
        }
        var headers = exchange.getRequestHeaders();
        reply(
                exchange,
                200,
                "application/json",
                "{\"path\":\"" + path + "\",\"query\":\""
                        + exchange.getRequestURI().getRawQuery()
                        + "\",\"method\":\"" + exchange.getRequestMethod()
                        + "\",\"requestId\":\"" + headers.getFirst("X-Request-Id")
                        + "\",\"traceparent\":\"" + headers.getFirst("traceparent")
                        + "\",\"authorization\":" + (headers.getFirst("Authorization") != null)
                        + ",\"bodyBytes\":" + bodyBytes + "}");
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Upstream", "stub");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
