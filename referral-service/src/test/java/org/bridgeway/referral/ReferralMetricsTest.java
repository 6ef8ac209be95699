package org.bridgeway.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The business metrics behind the dashboard and the alerts: referral status changes, and time to accept. */
@QuarkusTest
class ReferralMetricsTest {

    private static final String REQUESTED = "bridgeway_referral_status_changes_total{status=\"requested\"}";
    private static final String ACCEPTED = "bridgeway_referral_status_changes_total{status=\"accepted\"}";
    private static final String TIMED = "bridgeway_referral_time_to_accept_seconds_count";

    @Test
    void aReferralSentAndAcceptedIsCountedByStatusAndTimed() {
        double requested = metric(REQUESTED);
        double accepted = metric(ACCEPTED);
        double timed = metric(TIMED);

        Fixtures f = Fixtures.newBoard();
        f.settings("auto", false);
        UUID org = f.partnerWithService("Counted", List.of("mental-health"), 5, List.of("screening-summary"));
        f.awaitPartners(1, 1);
        Object caseId = f.awaitCase(f.flag("metrics-" + UUID.randomUUID(), List.of("mental-health"), 2))
                .get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> f.referralsOf(caseId).size() == 1);
        Object referral = f.referralsOf(caseId).get(0).get("id");
        String partner = Fixtures.partner(org);
        f.transition(partner, referral, Fixtures.etag(partner, referral), Map.of("status", "accepted"))
                .statusCode(200);

        assertEquals(requested + 1, metric(REQUESTED));
        assertEquals(accepted + 1, metric(ACCEPTED));
        assertEquals(timed + 1, metric(TIMED));
    }

    private static double metric(String series) {
        String exposition =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        return exposition
                .lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElse(0);
    }
}
