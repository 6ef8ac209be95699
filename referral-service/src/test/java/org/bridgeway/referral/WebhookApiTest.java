package org.bridgeway.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Registering webhooks: bad input is a 400 with field errors, and one organization never reaches another's. */
@QuarkusTest
class WebhookApiTest {

    private static final String WEBHOOKS = "/api/v1/referrals/webhooks";

    @Test
    void badInputIsA400WithFieldErrors() {
        String partner = Fixtures.partner(UUID.randomUUID());
        post(partner, Map.of("url", "http://agency.example.org/hook"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("url"));
        post(partner, Map.of("url", "https://user:pw@agency.example.org/hook"))
                .statusCode(400)
                .body("errors.field", hasItem("url"));
        post(partner, Map.of("description", "no url"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("url"));
        post(partner, Map.of("url", "https://agency.example.org/hook", "description", "x".repeat(201)))
                .statusCode(400)
                .body("errors.field", hasItem("description"));
        given().auth()
                .oauth2(partner)
                .contentType("application/json")
                .body("{\"url\": ")
                .post(WEBHOOKS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // a coordinator or an admin names the organization
        post(Fixtures.newBoard().coordinator(), Map.of("url", "https://agency.example.org/hook"))
                .statusCode(400)
                .body("errors.field", hasItem("organizationId"));
        given().auth()
                .oauth2(partner)
                .queryParam("status", "broken")
                .get(WEBHOOKS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void oneOrganizationNeverReachesAnothersWebhooks() {
        Fixtures board = Fixtures.newBoard();
        UUID a = board.partnerWithService("A", java.util.List.of("housing"), 5, java.util.List.of("screening-summary"));
        board.awaitPartners(1, 1);
        UUID b = UUID.randomUUID();
        String partnerA = Fixtures.partner(a);
        String partnerB = Fixtures.partner(b);
        String id = post(partnerA, Map.of("url", "https://a.example.org/hook"))
                .statusCode(201)
                .extract()
                .path("webhook.id");

        for (String path : new String[] {"/{id}", "/{id}/deliveries"}) {
            given().auth()
                    .oauth2(partnerB)
                    .get(WEBHOOKS + path, id)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        for (String path : new String[] {"/{id}/rotate", "/{id}/enable"}) {
            given().auth().oauth2(partnerB).post(WEBHOOKS + path, id).then().statusCode(404);
        }
        given().auth().oauth2(partnerB).delete(WEBHOOKS + "/{id}", id).then().statusCode(404);
        given().auth().oauth2(partnerB).get(WEBHOOKS).then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth()
                .oauth2(partnerB)
                .queryParam("organizationId", a)
                .get(WEBHOOKS)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        post(partnerB, Map.of("organizationId", a.toString(), "url", "https://b.example.org/hook"))
                .statusCode(403);
        // a coordinator of another board does not reach A; A's own board's coordinator does
        given().auth()
                .oauth2(Fixtures.newBoard().coordinator())
                .get(WEBHOOKS + "/{id}", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(board.coordinator())
                .get(WEBHOOKS + "/{id}", id)
                .then()
                .statusCode(200)
                .body("organizationId", equalTo(a.toString()))
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        post(board.coordinator(), Map.of("organizationId", b.toString(), "url", "https://b.example.org/hook"))
                .statusCode(403);
        // school staff manage no webhooks at all
        given().auth().oauth2(board.staff(board.school)).get(WEBHOOKS).then().statusCode(403);

        given().auth().oauth2(partnerA).delete(WEBHOOKS + "/{id}", id).then().statusCode(204);
        given().auth().oauth2(partnerA).get(WEBHOOKS + "/{id}", id).then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentDeclaresEveryStatusTheWebhookOperationsAnswer() throws Exception {
        JsonNode paths = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .path("paths");
        assertTrue(statuses(paths.path(WEBHOOKS).path("post")).containsAll(Set.of("201", "400", "401", "403", "409")));
        assertTrue(paths.path(WEBHOOKS)
                .path("post")
                .path("responses")
                .path("201")
                .path("headers")
                .has("Location"));
        assertTrue(
                statuses(paths.path(WEBHOOKS + "/{webhookId}").path("delete")).containsAll(Set.of("204", "404")));
        assertTrue(statuses(paths.path(WEBHOOKS + "/{webhookId}/rotate").path("post"))
                .containsAll(Set.of("200", "404")));
        assertTrue(statuses(paths.path(WEBHOOKS + "/{webhookId}/deliveries").path("get"))
                .containsAll(Set.of("200", "400", "404")));
        assertFalse(paths.path(WEBHOOKS + "/{webhookId}")
                .path("get")
                .path("responses")
                .path("200")
                .toString()
                .contains("\"secret\""));
    }

    private static io.restassured.response.ValidatableResponse post(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post(WEBHOOKS)
                .then();
    }

    private static Set<String> statuses(JsonNode operation) {
        Set<String> statuses = new TreeSet<>();
        operation.path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }
}
