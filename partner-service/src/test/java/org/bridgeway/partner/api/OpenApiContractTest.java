package org.bridgeway.partner.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document (which the gateway merges) lists every partner path with the statuses it really answers.
 * Quarkus declares 401 and 403 on every secured operation; the filter adds 500 and makes every error problem+json.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("post /api/v1/partners/organizations", Set.of("201", "400", "401", "403", "409", "422", "500")),
            Map.entry("get /api/v1/partners/organizations", Set.of("200", "400", "401", "403", "500")),
            Map.entry("get /api/v1/partners/organizations/{id}", Set.of("200", "401", "403", "404", "500")),
            Map.entry("put /api/v1/partners/organizations/{id}", Set.of("200", "400", "401", "403", "404", "500")),
            Map.entry("post /api/v1/partners/services", Set.of("201", "400", "401", "403", "422", "500")),
            Map.entry("get /api/v1/partners/services", Set.of("200", "400", "401", "403", "500")),
            Map.entry("get /api/v1/partners/services/{id}", Set.of("200", "401", "403", "404", "500")),
            Map.entry("put /api/v1/partners/services/{id}", Set.of("200", "400", "401", "403", "404", "412", "500")),
            Map.entry(
                    "post /api/v1/partners/services/{id}/deactivate", Set.of("200", "401", "403", "404", "412", "500")),
            Map.entry("get /api/v1/partners/services/{id}/capacity", Set.of("200", "401", "403", "404", "500")),
            Map.entry(
                    "put /api/v1/partners/services/{id}/capacity",
                    Set.of("200", "400", "401", "403", "404", "412", "428", "500")),
            Map.entry("get /api/v1/partners/needs", Set.of("200", "401", "403", "500")),
            Map.entry("post /api/v1/partners/agreements", Set.of("201", "400", "401", "403", "409", "422", "500")),
            Map.entry("get /api/v1/partners/agreements", Set.of("200", "400", "401", "403", "500")),
            Map.entry("get /api/v1/partners/agreements/{id}", Set.of("200", "401", "403", "404", "500")),
            Map.entry(
                    "put /api/v1/partners/agreements/{id}",
                    Set.of("200", "400", "401", "403", "404", "409", "412", "500")),
            Map.entry("get /api/v1/hsds/services", Set.of("200", "400", "401", "403", "500")),
            Map.entry("get /api/v1/hsds/services/{id}", Set.of("200", "401", "403", "404", "500")),
            Map.entry("get /api/v1/hsds/organizations", Set.of("200", "400", "401", "403", "500")),
            Map.entry("get /api/v1/hsds/organizations/{id}", Set.of("200", "401", "403", "404", "500")));

    @Test
    void everyOperationDeclaresItsRealStatusesWithProblemJsonForErrors() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        Set<String> operations = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    String key = op.getKey() + " " + path.getKey();
                    if (!op.getValue().has("responses")) {
                        return;
                    }
                    operations.add(key);
                    Set<String> statuses = new TreeSet<>();
                    op.getValue().path("responses").fields().forEachRemaining(response -> {
                        statuses.add(response.getKey());
                        if (response.getKey().matches("[45]..")
                                && !response.getValue().path("content").has("application/problem+json")) {
                            wrong.add(key + " " + response.getKey() + " is not problem+json");
                        }
                    });
                    if (EXPECTED.containsKey(key) && !EXPECTED.get(key).equals(statuses)) {
                        wrong.add(key + " declares " + statuses + ", expected " + new TreeSet<>(EXPECTED.get(key)));
                    }
                }));
        assertEquals(new TreeSet<>(EXPECTED.keySet()), operations);
        assertEquals(List.of(), wrong);
        JsonNode created = document.path("paths")
                .path("/api/v1/partners/services")
                .path("post")
                .path("responses")
                .path("201");
        assertEquals(true, created.path("headers").has("Location"));
    }
}
