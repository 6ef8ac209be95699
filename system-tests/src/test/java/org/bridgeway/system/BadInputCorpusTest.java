package org.bridgeway.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bridgeway.devstack.Devstack;
import org.bridgeway.devstack.PostgresServer;
import org.bridgeway.testing.hostile.OpenApiOperations;
import org.junit.jupiter.api.Test;

/**
 * The same corpus of bad bodies and hostile ids against every write operation of the merged OpenAPI
 * document, through the gateway, by a caller holding every role: each answer is a 4xx problem+json, none
 * is a 5xx, and not one row of any service's tables changes. Metacharacters in an accepted write are
 * stored and read back verbatim.
 */
class BadInputCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DATABASES = List.of("screening", "partner", "referral");

    private final Devstack suite = Suite.get();
    private final String board = "corpus-" + UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A body the services must refuse, whatever the operation expects. */
    private record Bad(String name, byte[] body) {
        static Bad of(String name, String body) {
            return new Bad(name, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<Bad> corpus() {
        ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
        invalidUtf8.writeBytes("{\"name\":\"".getBytes(StandardCharsets.UTF_8));
        invalidUtf8.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        invalidUtf8.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return List.of(
                Bad.of("malformed JSON", "{\"name\":"),
                Bad.of("wrong top-level type", "[1,2,3]"),
                Bad.of("a bare string", "\"x\""),
                Bad.of("missing fields", "{}"),
                Bad.of("unknown fields only", "{\"definitelyNotAField\":1,\"__proto__\":{\"admin\":true}}"),
                Bad.of("wrong field types", "{\"name\":[],\"status\":{},\"version\":\"seven\",\"needs\":\"housing\"}"),
                Bad.of("out-of-range numbers", "{\"version\":-99999999999999999999,\"grade\":1e309,\"maxAge\":-1}"),
                Bad.of("unknown enum values", "{\"status\":\"sideways\",\"dispatch\":\"maybe\",\"reason\":\"bored\"}"),
                Bad.of("huge string", "{\"name\":\"" + "x".repeat(200_000) + "\"}"),
                Bad.of("deeply nested", "{\"name\":" + "[".repeat(4000) + "]".repeat(4000) + "}"),
                Bad.of("oversized body", "[" + "{\"name\":\"padding\"},".repeat(200_000) + "{}]"),
                new Bad("invalid UTF-8", invalidUtf8.toByteArray()),
                Bad.of("a BOM before malformed JSON", "\ufeff{\"name\":"),
                Bad.of("an escaped NUL", "{\"name\":\"a\\u0000b\",\"note\":\"\\u0000\"}"),
                Bad.of("a raw NUL byte", "{\"name\":\"a\u0000b\"}"),
                Bad.of("duplicate keys", "{\"status\":\"accepted\",\"status\":\"completed\"}"),
                Bad.of("1e309", "1e309"),
                Bad.of(
                        "SQL and script metacharacters",
                        "{\"name\":\"'; DROP TABLE student; --\",\"note\":\"<script>alert(1)</script>\"}"));
    }

    @Test
    void everyWriteAnswersTheCorpusWithA4xxProblemAndStoresNothing() throws Exception {
        String everyone = suite.tokens()
                .token("corpus-caller")
                .roles("sis", "school-staff", "coordinator", "partner", "analyst", "admin")
                .board(board)
                .schools("corpus-school")
                .org(UUID.randomUUID().toString())
                .sign();
        List<OpenApiOperations.Operation> writes = OpenApiOperations.parse(given().baseUri(suite.gatewayUrl())
                        .queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .stream()
                .filter(o -> List.of("post", "put", "patch").contains(o.method()))
                .filter(o -> o.path().startsWith("/api/"))
                .toList();
        assertTrue(writes.size() >= 20, "the document lists the write operations: " + writes);

        Map<String, Long> rowsBefore = settledRowCounts();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (OpenApiOperations.Operation write : writes) {
            for (Bad bad : corpus()) {
                sent++;
                check(write, fill(write, false), bad, everyone, statuses, failures);
            }
            sent++;
            check(write, fill(write, true), Bad.of("path traversal in the ids", "{}"), everyone, statuses, failures);
        }
        System.out.printf(
                "bad-input corpus: %d write operations, %d requests, statuses %s%n", writes.size(), sent, statuses);
        assertTrue(
                failures.isEmpty(),
                failures.size() + " answers were not a 4xx problem+json:\n  "
                        + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))));
        assertEquals(rowsBefore, rowCounts(), "no row of any service's tables changed");
    }

    @Test
    void metacharactersInAnAcceptedWriteAreStoredAndReadBackVerbatim() throws Exception {
        String admin = suite.tokens().token("corpus-admin").roles("admin").sign();
        String name = "O'Brien & Sons; DROP TABLE organization; -- <script>alert('x')</script> %s ${jndi:x} \\ \"";
        String id = UUID.randomUUID().toString();
        String body = JSON.createObjectNode()
                .put("id", id)
                .put("name", name)
                .put("description", "Robert'); DELETE FROM partner_service; --")
                .put("email", "intake@corpus.example.org")
                .toString();
        HttpResponse<String> created = send("POST", "/api/v1/partners/organizations", admin, body.getBytes());
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> read = send("GET", "/api/v1/partners/organizations/" + id, admin, null);
        assertEquals(200, read.statusCode(), read.body());
        JsonNode stored = JSON.readTree(read.body());
        assertEquals(name, stored.path("name").asText());
        assertEquals(
                "Robert'); DELETE FROM partner_service; --",
                stored.path("description").asText());
    }

    private void check(
            OpenApiOperations.Operation write,
            String path,
            Bad bad,
            String token,
            Map<Integer, Integer> statuses,
            List<String> failures)
            throws Exception {
        HttpResponse<String> answer;
        try {
            answer = send(write.method().toUpperCase(), path, token, bad.body());
        } catch (java.io.IOException noAnswer) {
            failures.add("no answer (" + noAnswer.getMessage() + ") <- " + write + " " + bad.name());
            return;
        }
        statuses.merge(answer.statusCode(), 1, Integer::sum);
        if (answer.statusCode() == 202 && write.path().endsWith("/batches")) {
            // A batch reports bad rows row by row, by design: a JSON array of non-objects is accepted, and then
            // every one of its rows must end as an error, with nothing stored.
            JsonNode batch = Api.await(
                    "corpus batch finished",
                    Duration.ofSeconds(30),
                    () -> getJson(
                            URI.create(answer.headers().firstValue("Location").orElseThrow())
                                    .getPath(),
                            token),
                    b -> !List.of("accepted", "processing")
                            .contains(b.path("status").asText()));
            if (batch.path("succeeded").asInt() != 0
                    || batch.path("failed").asInt() != batch.path("totalRows").asInt()) {
                failures.add("a batch of " + bad.name() + " stored rows: " + batch);
            }
            return;
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (answer.statusCode() < 400 || answer.statusCode() >= 500 || !type.startsWith("application/problem+json")) {
            failures.add(answer.statusCode() + " " + type + " <- " + write + " (" + path + ") " + bad.name() + " -> "
                    + answer.body().substring(0, Math.min(200, answer.body().length())));
        }
    }

    /** The operation's path with its parameters filled: the test's board, a fresh id, or a traversal. */
    private String fill(OpenApiOperations.Operation write, boolean traversal) {
        String path = write.path();
        for (OpenApiOperations.Parameter parameter : write.in("path")) {
            String value;
            if (traversal) {
                value = "..%2F..%2Fetc%2Fpasswd";
            } else if (parameter.name().toLowerCase().contains("board")
                    || parameter.name().equals("b")) {
                value = board;
            } else {
                value = UUID.randomUUID().toString();
            }
            path = path.replace("{" + parameter.name() + "}", value);
        }
        return path;
    }

    private JsonNode getJson(String path, String token) {
        try {
            return JSON.readTree(send("GET", path, token, null).body());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    private HttpResponse<String> send(String method, String path, String token, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The row counts once events of earlier tests have stopped moving them (two equal reads a second apart). */
    private Map<String, Long> settledRowCounts() throws Exception {
        Map<String, Long> last = rowCounts();
        for (int i = 0; i < 30; i++) {
            Api.sleep(1000);
            Map<String, Long> now = rowCounts();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /**
     * Rows per table of each service's database. Left out: the audit trail (a refusal may be audited) and the
     * messaging bookkeeping (outbox, inbox, idempotency keys, webhook deliveries) that earlier tests' events move,
     * and the batches themselves (a batch of rejected rows is kept with its row errors, see {@link #check}).
     */
    private Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String database : DATABASES) {
            try (Connection c = DriverManager.getConnection(
                            suite.postgres().jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
                    Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                        + " AND tablename NOT LIKE 'flyway%' AND tablename NOT LIKE '%audit%'"
                        + " AND tablename NOT LIKE '%outbox%' AND tablename NOT LIKE '%inbox%'"
                        + " AND tablename NOT LIKE '%processed%' AND tablename NOT LIKE '%idempotency%'"
                        + " AND tablename NOT LIKE '%deliver%' AND tablename NOT LIKE 'batch%'"
                        + " ORDER BY tablename")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                        rs.next();
                        counts.put(database + "." + table, rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }
}
