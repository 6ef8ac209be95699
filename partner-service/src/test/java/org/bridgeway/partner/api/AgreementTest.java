package org.bridgeway.partner.api;

import static org.bridgeway.partner.Fixtures.AGREEMENTS;
import static org.bridgeway.partner.Fixtures.admin;
import static org.bridgeway.partner.Fixtures.agreementBody;
import static org.bridgeway.partner.Fixtures.as;
import static org.bridgeway.partner.Fixtures.coordinatorOf;
import static org.bridgeway.partner.Fixtures.organization;
import static org.bridgeway.partner.Fixtures.partnerOf;
import static org.bridgeway.partner.Fixtures.uniqueBoard;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.bridgeway.testing.TestInfra;
import org.junit.jupiter.api.Test;

/** Data-sharing agreements: no overlapping active ones per pair, in force on a day, seen only by their parties. */
@QuarkusTest
class AgreementTest {

    private static final List<String> SUMMARY = List.of("screening-summary");

    private static String create(Map<String, Object> body) {
        return as(admin())
                .body(body)
                .post(AGREEMENTS)
                .then()
                .statusCode(201)
                .header("Location", containsString(AGREEMENTS + "/"))
                .extract()
                .path("id");
    }

    @Test
    void overlappingActiveAgreementsOfOnePairAreRefused() {
        String org = organization("Agreements");
        String board = uniqueBoard();
        String first = create(agreementBody(org, board, "2026-01-01", "2026-06-30", "active", SUMMARY));
        as(admin())
                .body(agreementBody(org, board, "2026-06-30", null, "active", SUMMARY))
                .post(AGREEMENTS)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(admin())
                .body(agreementBody(org, board, "2025-01-01", null, "active", SUMMARY))
                .post(AGREEMENTS)
                .then()
                .statusCode(409);
        String next = create(
                agreementBody(org, board, "2026-07-01", null, "active", List.of("screening-summary", "identity")));
        create(agreementBody(org, board, "2026-03-01", "2026-12-31", "draft", SUMMARY));
        create(agreementBody(org, uniqueBoard(), "2026-03-01", null, "active", SUMMARY));

        as(admin())
                .queryParam("board", board)
                .queryParam("inForceOn", "2026-06-30")
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("items.id", contains(first));
        as(admin())
                .queryParam("board", board)
                .queryParam("inForceOn", "2026-07-01")
                .get(AGREEMENTS)
                .then()
                .body("items.id", contains(next))
                .body("items[0].scopes", containsInAnyOrder("screening-summary", "identity"));
        as(admin())
                .queryParam("board", board)
                .queryParam("inForceOn", "2025-12-31")
                .get(AGREEMENTS)
                .then()
                .body("items", empty());
        as(admin())
                .queryParam("board", board)
                .queryParam("org", org)
                .get(AGREEMENTS)
                .then()
                .body("totalItems", equalTo(3));

        // ending the first lets its dates be covered again; re-activating it over the second is refused
        Map<String, Object> ended =
                Map.of("scopes", SUMMARY, "validFrom", "2026-01-01", "validTo", "2026-06-30", "status", "ended");
        as(admin())
                .header("If-Match", "\"1\"")
                .body(ended)
                .put(AGREEMENTS + "/" + first)
                .then()
                .statusCode(200)
                .body("status", equalTo("ended"))
                .body("version", equalTo(2));
        as(admin())
                .header("If-Match", "\"1\"")
                .body(ended)
                .put(AGREEMENTS + "/" + first)
                .then()
                .statusCode(412);
        Map<String, Object> reopened = Map.of("scopes", SUMMARY, "validFrom", "2026-01-01", "status", "active");
        as(admin()).body(reopened).put(AGREEMENTS + "/" + first).then().statusCode(409);
    }

    @Test
    void aCoordinatorSeesItsBoardsAgreementsAndAPartnerItsOwn() {
        String org = organization("Seen");
        String other = organization("Unseen");
        String board = uniqueBoard();
        String otherBoard = uniqueBoard();
        String ours = create(agreementBody(org, board, "2026-01-01", null, "active", SUMMARY));
        String theirs = create(agreementBody(other, otherBoard, "2026-01-01", null, "active", SUMMARY));
        String orgWithOtherBoard = create(agreementBody(org, otherBoard, "2026-01-01", null, "active", SUMMARY));

        String coordinator = coordinatorOf(board);
        as(coordinator).get(AGREEMENTS).then().statusCode(200).body("items.id", contains(ours));
        as(coordinator).queryParam("board", otherBoard).get(AGREEMENTS).then().statusCode(403);
        as(coordinator).get(AGREEMENTS + "/" + ours).then().statusCode(200).header("ETag", equalTo("\"1\""));
        as(coordinator).get(AGREEMENTS + "/" + theirs).then().statusCode(404);

        String partner = partnerOf(org);
        as(partner)
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(ours, orgWithOtherBoard));
        as(partner).queryParam("org", other).get(AGREEMENTS).then().statusCode(403);
        as(partner).get(AGREEMENTS + "/" + theirs).then().statusCode(404);
        as(partnerOf("not-a-uuid")).get(AGREEMENTS).then().statusCode(403);

        for (String role : List.of("sis", "school-staff", "analyst")) {
            String token = TestInfra.token(role).roles(role).board(board).sign();
            as(token).get(AGREEMENTS).then().statusCode(403);
            as(token).get(AGREEMENTS + "/" + ours).then().statusCode(403);
        }
        as(partner)
                .body(agreementBody(org, board, "2027-01-01", null, "draft", SUMMARY))
                .post(AGREEMENTS)
                .then()
                .statusCode(403);
    }

    @Test
    void badAgreementsAre400WithTheFieldNamed() {
        String org = organization("Bad agreements");
        as(admin())
                .body(agreementBody(org, "b 1", "2026-02-01", "2026-01-01", "signed", List.of("everything")))
                .post(AGREEMENTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("boardId"))
                .body("errors.field", hasItem("status"))
                .body("errors.field", hasItem("scopes[0]"));
        as(admin())
                .body(agreementBody(org, "b1", "2026-02-01", "2026-01-01", "active", SUMMARY))
                .post(AGREEMENTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("validTo"));
        as(admin())
                .body(agreementBody(org, "b1", "1900-02-01", null, "active", SUMMARY))
                .post(AGREEMENTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("validFrom"));
        as(admin())
                .body(agreementBody(
                        java.util.UUID.randomUUID().toString(), "b1", "2026-02-01", null, "active", SUMMARY))
                .post(AGREEMENTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("organizationId"));
        as(admin())
                .body(Map.of(
                        "organizationId",
                        org,
                        "boardId",
                        "b1",
                        "scopes",
                        SUMMARY,
                        "validFrom",
                        "2026-13-01",
                        "status",
                        "active"))
                .post(AGREEMENTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(admin())
                .queryParam("inForceOn", "yesterday")
                .get(AGREEMENTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("inForceOn"));
        as(admin())
                .queryParam("org", "acme")
                .get(AGREEMENTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("org"));
    }
}
