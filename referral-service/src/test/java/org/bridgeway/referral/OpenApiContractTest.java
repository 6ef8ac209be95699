package org.bridgeway.referral;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document declares the statuses the operations really answer, every error as problem+json. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void operationsDeclareTheirStatusesWithProblemJsonForErrors() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        List<String> wrong = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fields()
                        .forEachRemaining(op -> op.getValue()
                                .path("responses")
                                .fields()
                                .forEachRemaining(response -> {
                                    if (response.getKey().matches("[45]..")
                                            && !response.getValue()
                                                    .path("content")
                                                    .has("application/problem+json")) {
                                        wrong.add(op.getKey() + " " + path.getKey() + " " + response.getKey()
                                                + " is not problem+json");
                                    }
                                })));
        assertEquals(List.of(), wrong);

        JsonNode transition = document.path("paths")
                .path("/api/v1/referrals/referrals/{referralId}/transitions")
                .path("post");
        assertTrue(
                statuses(transition).containsAll(Set.of("200", "400", "401", "404", "409", "412", "428")),
                statuses(transition).toString());
        JsonNode refer = document.path("paths")
                .path("/api/v1/referrals/boards/{boardId}/cases/{caseId}/referrals")
                .path("post");
        assertTrue(
                statuses(refer).containsAll(Set.of("201", "400", "403", "404", "409")),
                statuses(refer).toString());
        assertTrue(refer.path("responses").path("201").path("headers").has("Location"));
        JsonNode student = document.path("paths")
                .path("/api/v1/referrals/referrals/{referralId}/student")
                .path("get");
        assertTrue(
                statuses(student).containsAll(Set.of("200", "403", "404", "503")),
                statuses(student).toString());
        assertTrue(document.path("components").path("schemas").has("Problem"));
    }

    private static Set<String> statuses(JsonNode operation) {
        Set<String> statuses = new TreeSet<>();
        operation.path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }
}
