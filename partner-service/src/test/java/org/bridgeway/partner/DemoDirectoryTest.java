package org.bridgeway.partner;

import static org.bridgeway.partner.Fixtures.AGREEMENTS;
import static org.bridgeway.partner.Fixtures.SERVICES;
import static org.bridgeway.partner.Fixtures.admin;
import static org.bridgeway.partner.Fixtures.as;
import static org.bridgeway.partner.Fixtures.coordinatorOf;
import static org.bridgeway.partner.Fixtures.partnerOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import org.bridgeway.devstack.DemoSeed;
import org.bridgeway.devstack.DirectorySeed;
import org.junit.jupiter.api.Test;

/** The devstack's demo directory, seeded against this service as the demo does through the gateway. */
@QuarkusTest
class DemoDirectoryTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theDemoDirectoryCoversEveryNeedWithAgreementsForTheDemoBoard() throws Exception {
        DirectorySeed seed = new DirectorySeed((method, path, role, body, expected) -> {
            var request = as(admin());
            if (body != null) {
                request.body(body);
            }
            Response response = request.request(method, path);
            assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.asString());
            return response.asString();
        });
        assertEquals(12, seed.seed());
        assertEquals(0, seed.seed(), "a second run adds nothing");

        for (String need : List.of(
                "family-support", "housing", "mental-health", "school-engagement", "food-security", "mentoring")) {
            as(admin())
                    .queryParam("need", need)
                    .queryParam("area", DemoSeed.SCHOOL)
                    .queryParam("status", "active")
                    .get(SERVICES)
                    .then()
                    .statusCode(200)
                    .body("totalItems", greaterThanOrEqualTo(1));
        }
        String today = LocalDate.now().toString();
        JsonNode inForce = json.readTree(as(coordinatorOf(DemoSeed.BOARD))
                .queryParam("inForceOn", today)
                .queryParam("size", 200)
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(9, inForce.path("totalItems").asInt(), inForce.toPrettyString());
        as(coordinatorOf(DemoSeed.BOARD))
                .queryParam("size", 200)
                .get(AGREEMENTS)
                .then()
                .body("items.status", hasItems("active", "draft"))
                .body("items.validTo", hasItem("2025-06-30"));
        as(partnerOf(DemoSeed.PARTNER_ORG))
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("items.scopes[0]", hasItems("screening-summary", "identity"));
        as(partnerOf(DemoSeed.PARTNER_ORG))
                .queryParam("q", "emergency youth beds")
                .get(SERVICES)
                .then()
                .body("items[0].locations[0].confidential", equalTo(true))
                .body("items[0].locations[0].address1", nullValue())
                .body("items.organizationId", everyItem(notNullValue()));
    }
}
