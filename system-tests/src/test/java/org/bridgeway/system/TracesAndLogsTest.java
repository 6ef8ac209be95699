package org.bridgeway.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.devstack.Devstack;
import org.bridgeway.devstack.TempDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Traces and logs of the packaged suite in its production profile: a suite of its own, sampling every
 * trace and exporting by OTLP/HTTP to a receiver inside this test (the default samples none).
 */
class TracesAndLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SERVER = 2;
    private static final int CONSUMER = 5;

    private static OtlpReceiver receiver;
    private static Devstack suite;
    private static Path home;

    @BeforeAll
    static void start() throws Exception {
        receiver = new OtlpReceiver();
        home = Files.createTempDirectory("bridgeway-traces-");
        suite = new Devstack(
                Devstack.Layout.ephemeral(Path.of("").toAbsolutePath().getParent(), home));
        for (Devstack.Service service : Devstack.SERVICES) {
            suite.withEnv(service.module(), "QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1.0")
                    .withEnv(service.module(), "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.endpoint())
                    .withEnv(service.module(), "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf")
                    .withEnv(service.module(), "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
        }
        suite.start();
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        TempDirs.deleteQuietly(home);
    }

    @Test
    void oneTraceFollowsAFlaggedScreeningFromTheGatewayThroughKafkaIntoReferral() {
        String traceId = hex(16);
        String board = "trace-" + UUID.randomUUID();
        String sis = suite.tokens().token("sis").roles("sis").board(board).sign();
        submitFlaggedScreening(sis, board, "00-" + traceId + "-" + hex(8) + "-01");

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            List<OtlpReceiver.Span> trace = receiver.spans().stream()
                    .filter(s -> s.traceId().equals(traceId))
                    .toList();
            OtlpReceiver.Span gateway = only(trace, "gateway", SERVER);
            OtlpReceiver.Span screening = only(trace, "screening-service", SERVER);
            assertEquals(gateway.spanId(), screening.parentSpanId(), "screening-service continues the gateway's span");
            assertTrue(
                    trace.stream()
                            .anyMatch(s -> s.service().equals("referral-service")
                                    && s.kind() == CONSUMER
                                    && s.name().contains("screening.events")),
                    "referral-service consumed the event in the same trace: " + trace);
        });
    }

    @Test
    void productionLogLinesAreJsonWithTheRequestIdAndTraceId() throws Exception {
        String requestId = "json-" + UUID.randomUUID();
        String traceId = hex(16);
        given().baseUri(suite.gatewayUrl())
                .auth()
                .oauth2(suite.tokens().token("a").roles("admin").sign())
                .header("X-Request-Id", requestId)
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .get("/api/v1/screening/instruments")
                .then()
                .statusCode(200);

        for (String module : List.of("gateway", "screening-service")) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Files.readString(suite.logFile(module)).contains(requestId));
            List<JsonNode> lines = jsonLines(module);
            List<JsonNode> ofRequest = lines.stream()
                    .filter(l -> l.path("message").asText().contains(requestId))
                    .toList();
            assertFalse(ofRequest.isEmpty(), module);
            for (JsonNode line : ofRequest) {
                assertEquals(requestId, line.path("mdc").path("requestId").asText(), module + ": " + line);
                assertEquals(traceId, line.path("mdc").path("traceId").asText(), module + ": " + line);
            }
        }
        for (String module : List.of("partner-service", "referral-service")) {
            assertFalse(jsonLines(module).isEmpty(), module);
        }
    }

    /** Every line of a service's log, each of which must be one JSON object. */
    private static List<JsonNode> jsonLines(String module) throws IOException {
        List<String> raw = Files.readAllLines(suite.logFile(module)).stream()
                .filter(l -> !l.isBlank())
                .toList();
        return raw.stream()
                .map(line -> {
                    try {
                        JsonNode node = JSON.readTree(line);
                        assertTrue(node.isObject(), module + " wrote a non-object line: " + line);
                        return node;
                    } catch (IOException e) {
                        throw new AssertionError(module + " wrote a line that is not JSON: " + line, e);
                    }
                })
                .toList();
    }

    private static void submitFlaggedScreening(String token, String board, String traceparent) {
        String ref = as(token)
                .body(Map.of(
                        "schools", List.of(Map.of("schoolId", "s1", "name", "School one")),
                        "students",
                                List.of(Map.of(
                                        "sisStudentId",
                                        "T-1",
                                        "schoolId",
                                        "s1",
                                        "givenName",
                                        "Tess",
                                        "familyName",
                                        "Trace",
                                        "dateOfBirth",
                                        "2011-05-02",
                                        "grade",
                                        9))))
                .post("/api/v1/screening/boards/{b}/roster", board)
                .then()
                .statusCode(200)
                .extract()
                .path("students[0].studentRef");
        JsonNode instrument = read(as(token)
                .get("/api/v1/screening/instruments/needs-survey/versions/1")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Map<String, Integer> severe = new LinkedHashMap<>();
        instrument
                .path("items")
                .forEach(item -> severe.put(
                        item.path("id").asText(),
                        item.path("reverse").asBoolean()
                                ? item.path("min").asInt()
                                : item.path("max").asInt()));
        as(token)
                .header("traceparent", traceparent)
                .body(Map.of(
                        "instrument",
                        "needs-survey",
                        "version",
                        1,
                        "studentRef",
                        ref,
                        "schoolId",
                        "s1",
                        "administeredOn",
                        LocalDate.now().minusDays(1).toString(),
                        "answers",
                        severe))
                .post("/api/v1/screening/boards/{b}/screenings", board)
                .then()
                .statusCode(201);
    }

    private static OtlpReceiver.Span only(List<OtlpReceiver.Span> trace, String service, int kind) {
        List<OtlpReceiver.Span> found = trace.stream()
                .filter(s -> s.service().equals(service) && s.kind() == kind)
                .toList();
        Set<String> seen = trace.stream()
                .map(s -> s.service() + ":" + s.kind() + ":" + s.name())
                .collect(Collectors.toSet());
        assertEquals(1, found.size(), service + " server spans in the trace; seen " + seen);
        return found.get(0);
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
