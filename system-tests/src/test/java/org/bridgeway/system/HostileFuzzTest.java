package org.bridgeway.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bridgeway.devstack.Devstack;
import org.bridgeway.testing.hostile.OpenApiOperations;
import org.junit.jupiter.api.Test;

/**
 * A few thousand hostile requests through the gateway, generated from the merged OpenAPI document with
 * a fixed seed ({@code -Dfuzz.seed}, {@code -Dfuzz.requests} to change): none may answer 5xx, every
 * error must be problem+json, and a known-good screening and consent are unchanged afterwards.
 */
class HostileFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);

    private final Devstack suite = Suite.get();
    private final String board = "fuzz-" + UUID.randomUUID();

    @Test
    void hostileRequestsNeverGetA5xxAndLeaveAKnownGoodRecordAlone() throws Exception {
        String sis = suite.tokens()
                .token("fuzz-owner")
                .roles("sis", "coordinator")
                .board(board)
                .sign();
        KnownGood before = knownGood(sis);

        List<OpenApiOperations.Operation> operations = OpenApiOperations.parse(given().baseUri(suite.gatewayUrl())
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        HostileRequests generator = new HostileRequests(SEED, operations, suite.tokens(), board);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            HostileRequests.Request request = generator.next();
            HttpResponse<String> response;
            try {
                response = http.send(toHttp(request), HttpResponse.BodyHandlers.ofString());
            } catch (IllegalArgumentException unsendable) {
                continue; // a header value the HTTP client itself refuses to put on the wire
            } catch (java.io.IOException noAnswer) {
                failures.add("no answer (" + noAnswer.getMessage() + ") <- " + request.description());
                continue;
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() >= 500
                    || response.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
                failures.add(response.statusCode() + " " + type + " <- " + request.description() + " -> "
                        + abbreviate(response.body()));
            }
        }
        System.out.printf("fuzz: seed %d, %d requests, statuses %s%n", SEED, REQUESTS, statuses);
        assertTrue(
                failures.isEmpty(),
                failures.size() + " hostile requests got a 5xx or a non-problem error (seed " + SEED + "):\n  "
                        + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))));
        assertEquals(
                before,
                knownGood(suite.tokens()
                        .token("fuzz-checker")
                        .roles("sis", "coordinator")
                        .board(board)
                        .sign()),
                "the known-good record changed under fuzzing");
    }

    /** A screening and a consent of the fuzz board, read back as the API shows them. */
    private record KnownGood(JsonNode screening, JsonNode consent) {}

    private KnownGood knownGood(String sis) throws Exception {
        if (screeningId == null) {
            seed(sis);
        }
        JsonNode screening = JSON.readTree(as(sis).get("/api/v1/screening/screenings/{id}", screeningId)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        ((ObjectNode) screening).remove("referral");
        JsonNode consent =
                JSON.readTree(as(sis).get("/api/v1/screening/boards/{b}/students/{ref}/consent", board, studentRef)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        return new KnownGood(screening, consent);
    }

    private String screeningId;
    private String studentRef;

    private void seed(String sis) throws Exception {
        studentRef = as(sis).body(Map.of(
                        "schools", List.of(Map.of("schoolId", "fuzz-school", "name", "Fuzz school")),
                        "students",
                                List.of(Map.of(
                                        "sisStudentId",
                                        "F-1",
                                        "schoolId",
                                        "fuzz-school",
                                        "givenName",
                                        "Fay",
                                        "familyName",
                                        "Zed",
                                        "dateOfBirth",
                                        "2011-05-02",
                                        "grade",
                                        9))))
                .post("/api/v1/screening/boards/{b}/roster", board)
                .then()
                .statusCode(200)
                .extract()
                .path("students[0].studentRef");
        as(sis).body(Map.of(
                        "status",
                        "granted",
                        "givenBy",
                        "guardian",
                        "givenOn",
                        LocalDate.now().minusDays(3).toString()))
                .put("/api/v1/screening/boards/{b}/students/{ref}/consent", board, studentRef)
                .then()
                .statusCode(200);
        JsonNode instrument = JSON.readTree(as(sis).get("/api/v1/screening/instruments/needs-survey/versions/1")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Map<String, Integer> mild = new LinkedHashMap<>();
        instrument
                .path("items")
                .forEach(item -> mild.put(
                        item.path("id").asText(),
                        item.path("reverse").asBoolean()
                                ? item.path("max").asInt()
                                : item.path("min").asInt()));
        screeningId = as(sis).body(Map.of(
                        "instrument",
                        "needs-survey",
                        "version",
                        1,
                        "studentRef",
                        studentRef,
                        "schoolId",
                        "fuzz-school",
                        "administeredOn",
                        LocalDate.now().minusDays(1).toString(),
                        "answers",
                        mild))
                .post("/api/v1/screening/boards/{b}/screenings", board)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private RequestSpecification as(String token) {
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private HttpRequest toHttp(HostileRequests.Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + request.uri()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return builder.build();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
