package org.bridgeway.referral;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small real HTTP server standing in for screening-service's identity disclosure: it answers like the real
 * endpoint and records every call (path, bearer token, body), served back at {@code GET /recorded}. The real
 * endpoint's consent check and audit are covered by screening-service's own tests and the system test.
 */
@QuarkusTestResource(ScreeningStub.class)
public class ScreeningStub implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "test-referral-service-credential";

    private final List<String> recorded = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/screening/boards/", this::disclose);
        server.createContext(
                "/recorded",
                exchange -> answer(exchange, 200, "application/json", "[" + String.join(",", recorded) + "]"));
        server.start();
        return Map.of(
                "bridgeway.referral.screening.url",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "bridgeway.referral.screening.token",
                TOKEN);
    }

    private void disclose(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        recorded.add("{\"path\":\"" + path + "\",\"authorization\":\"" + auth + "\",\"body\":" + body + "}");
        String[] parts = path.split("/");
        String studentRef = parts[parts.length - 2];
        if (!("Bearer " + TOKEN).equals(auth)) {
            answer(exchange, 401, "application/problem+json", "{\"status\":401,\"detail\":\"no valid bearer token\"}");
            return;
        }
        answer(
                exchange,
                200,
                "application/json",
                "{\"studentRef\":\"" + studentRef + "\",\"sisStudentId\":\"S-1\","
                        + "\"givenName\":\"Sam\",\"familyName\":\"Lee\",\"dateOfBirth\":\"2011-04-02\",\"schoolId\":\"s\",\"grade\":9}");
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
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
