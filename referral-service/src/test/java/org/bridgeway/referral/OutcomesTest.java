package org.bridgeway.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.events.ScreeningFlagged;
import org.bridgeway.testing.TestInfra;
import org.junit.jupiter.api.Test;

/** The board's outcome figures from real referrals, with every count under 5 suppressed. */
@QuarkusTest
class OutcomesTest {

    @Test
    void outcomesCountWhatHappenedAndHideSmallCells() {
        Fixtures f = Fixtures.newBoard();
        f.settings("auto", false);
        UUID busy = f.partnerWithService("Busy", List.of("housing"), 9, List.of("screening-summary"));
        UUID backup = f.partnerWithService("Backup", List.of("housing"), 1, List.of("screening-summary"));
        f.awaitPartners(2, 2);
        List<Object> referrals = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ScreeningFlagged flagged = f.flag("ref-" + UUID.randomUUID(), List.of("housing"), 2);
            Object caseId = f.awaitCase(flagged).get("id");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> f.referralsOf(caseId).size() == 1);
            referrals.add(f.referralsOf(caseId).get(0).get("id"));
        }
        String partner = Fixtures.partner(busy);
        for (int i = 0; i < 6; i++) {
            f.transition(
                            partner,
                            referrals.get(i),
                            Fixtures.etag(partner, referrals.get(i)),
                            Map.of("status", "accepted"))
                    .statusCode(200);
        }
        f.transition(
                        partner,
                        referrals.get(6),
                        Fixtures.etag(partner, referrals.get(6)),
                        Map.of("status", "rejected", "reason", "at-capacity"))
                .statusCode(200);

        String analyst =
                TestInfra.token("analyst").roles("analyst").board(f.board).sign();
        given().auth()
                .oauth2(analyst)
                .get("/api/v1/referrals/boards/{b}/outcomes", f.board)
                .then()
                .statusCode(200)
                .body("sent", equalTo(8))
                .body("accepted", equalTo(6))
                .body("rejectedByReason.at-capacity", nullValue())
                .body("expired", nullValue())
                .body("medianHoursToAccept", notNullValue())
                .body("acceptanceByPartner.find { it.organizationId == '" + busy + "' }.sent", equalTo(7))
                .body("acceptanceByPartner.find { it.organizationId == '" + busy + "' }.acceptanceRate", nullValue())
                .body("acceptanceByPartner.find { it.organizationId == '" + backup + "' }.sent", nullValue());
        given().auth()
                .oauth2(analyst)
                .queryParam("from", "2020-01-01")
                .queryParam("to", "2020-02-01")
                .get("/api/v1/referrals/boards/{b}/outcomes", f.board)
                .then()
                .statusCode(200)
                .body("sent", nullValue());
        given().auth()
                .oauth2(analyst)
                .queryParam("from", "yesterday")
                .get("/api/v1/referrals/boards/{b}/outcomes", f.board)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().auth()
                .oauth2(Fixtures.partner(busy))
                .get("/api/v1/referrals/boards/{b}/outcomes", f.board)
                .then()
                .statusCode(403);
    }
}
