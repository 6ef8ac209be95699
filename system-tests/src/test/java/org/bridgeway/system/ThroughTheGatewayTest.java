package org.bridgeway.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.bridgeway.devstack.Devstack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Black-box tests of the packaged suite, every call through the gateway as an integrator makes it. */
class ThroughTheGatewayTest {

    private static Devstack suite;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        suite = Suite.get();
        RestAssured.baseURI = suite.gatewayUrl();
        RestAssured.port = -1;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String token(String subject, String role, String board) {
        var builder = suite.tokens().token(subject).roles(role);
        return board == null ? builder.sign() : builder.board(board).sign();
    }

    @Test
    void aFlaggedScreeningBecomesACaseInReferralService() {
        String board = "sys-" + UUID.randomUUID();
        String sis = token("sis", "sis", board);
        String ref = as(sis).body(Map.of(
                        "schools", List.of(Map.of("schoolId", "s1", "name", "School one")),
                        "students",
                                List.of(Map.of(
                                        "sisStudentId",
                                        "A-1",
                                        "schoolId",
                                        "s1",
                                        "givenName",
                                        "Ada",
                                        "familyName",
                                        "Lovelace",
                                        "dateOfBirth",
                                        "2011-05-02",
                                        "grade",
                                        9))))
                .post("/api/v1/screening/boards/{b}/roster", board)
                .then()
                .statusCode(200)
                .extract()
                .path("students[0].studentRef");
        JsonNode instrument = read(as(sis).get("/api/v1/screening/instruments/needs-survey/versions/1")
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
        String screening = as(sis).body(Map.of(
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
                .statusCode(201)
                .header("Location", notNullValue())
                .body("flagged", equalTo(true))
                .extract()
                .path("id");

        String coordinator = token("coord", "coordinator", board);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(coordinator)
                        .get("/api/v1/referrals/boards/{b}/cases", board)
                        .then()
                        .statusCode(200)
                        .body("items.screeningId", hasItem(screening)));
    }

    @Test
    void theMergedDocumentHasEveryServicePathAndNothingElse() throws Exception {
        JsonNode merged = read(given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Set<String> mergedOperations = operations(merged);
        Set<String> serviceOperations = new TreeSet<>();
        for (String service : List.of("screening-service", "partner-service", "referral-service")) {
            JsonNode own = read(given().baseUri(suite.url(service))
                    .queryParam("format", "json")
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            Set<String> ops = operations(own);
            assertFalse(ops.isEmpty(), service + " documents no operation");
            serviceOperations.addAll(ops);
        }
        assertEquals(serviceOperations, mergedOperations, "the merged document drifted from the services");
        assertEquals(
                "bearer",
                merged.path("components")
                        .path("securitySchemes")
                        .path("bearer")
                        .path("scheme")
                        .asText());
        // Keep a copy for the OpenAPI linter that ./bridgeway test runs after the build.
        Path out = Path.of("target", "openapi-merged.yaml");
        Files.createDirectories(out.getParent());
        Files.writeString(
                out, given().get("/q/openapi").then().statusCode(200).extract().asString());
    }

    @Test
    void authIsCheckedAtTheEdgeBeforeAnyServiceIsTouched() throws Exception {
        String requestId = "sys-noauth-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId)
                .get("/api/v1/screening/instruments")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        Thread.sleep(300);
        assertFalse(Files.readString(suite.logFile("screening-service")).contains(requestId));
    }

    @Test
    void theRequestIdFollowsTheCallIntoTheServiceLog() {
        String requestId = "sys-" + UUID.randomUUID();
        as(token("a", "admin", null))
                .header("X-Request-Id", requestId)
                .get("/api/v1/screening/instruments")
                .then()
                .statusCode(200)
                .header("X-Request-Id", requestId);
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        Files.readString(suite.logFile("screening-service")).contains(requestId));
    }

    @Test
    void bulkIngestIsRateLimitedPerClientWith429AndRetryAfter() {
        String board = "sys-rate-" + UUID.randomUUID();
        String sis = token("sis-rate-" + UUID.randomUUID(), "sis", board);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(as(sis).body("[]")
                    .post("/api/v1/screening/boards/{b}/batches", board)
                    .then()
                    .extract()
                    .statusCode());
        }
        assertTrue(statuses.contains(429), "statuses " + statuses);
        assertEquals(400, statuses.get(0), "an empty batch is a 400 from the service, through the gateway");
        as(sis).body("[]")
                .post("/api/v1/screening/boards/{b}/batches", board)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
    }

    @Test
    void aStoppedServiceIs503WhileTheOthersKeepAnswering() throws Exception {
        String admin = token("a", "admin", null);
        suite.stopService("partner-service");
        try {
            as(admin).get("/api/v1/partners/services").then().statusCode(503).contentType("application/problem+json");
            as(admin).get("/api/v1/screening/instruments").then().statusCode(200);
            given().get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("checks[0].data.partner-service", equalTo("DOWN"));
        } finally {
            suite.startService("partner-service");
        }
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> as(admin).get("/api/v1/partners/services").then().statusCode(200));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        return operations;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
