package org.bridgeway.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Identity only for the addressed partner, with consent granted and an identity-scope agreement; then fetched from
 * screening-service's disclosure endpoint with referral-service's own credential and the purpose referral:&lt;id&gt;.
 */
@QuarkusTest
class IdentityDisclosureTest {

    @ConfigProperty(name = "bridgeway.referral.screening.url")
    String screening;

    @Test
    void identityOnlyWithConsentAndAnIdentityAgreementForTheAddressedPartner() {
        Fixtures f = Fixtures.newBoard();
        f.settings("auto", false);
        UUID withIdentity =
                f.partnerWithService("Trusted", List.of("housing"), 9, List.of("screening-summary", "identity"));
        UUID summaryOnly =
                f.partnerWithService("Summary only", List.of("food-security"), 9, List.of("screening-summary"));
        f.awaitPartners(2, 2);
        String consenting = "ref-" + UUID.randomUUID();
        String silent = "ref-" + UUID.randomUUID();
        f.consent(consenting, "granted");
        f.consent(silent, "refused");
        Object trustedReferral = referralFor(f, f.flag(consenting, List.of("housing"), 2));
        Object refusedReferral = referralFor(f, f.flag(silent, List.of("housing"), 2));
        Object summaryReferral = referralFor(f, f.flag(consenting, List.of("food-security"), 2));
        int before = recorded().size();

        given().auth()
                .oauth2(Fixtures.partner(summaryOnly))
                .get("/api/v1/referrals/referrals/{id}/student", trustedReferral)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Fixtures.partner(withIdentity))
                .get("/api/v1/referrals/referrals/{id}/student", refusedReferral)
                .then()
                .statusCode(403)
                .body("detail", containsString("consent is refused"));
        given().auth()
                .oauth2(Fixtures.partner(summaryOnly))
                .get("/api/v1/referrals/referrals/{id}/student", summaryReferral)
                .then()
                .statusCode(403)
                .body("detail", containsString("covers identity"));
        assertEquals(before, recorded().size(), "nothing is asked of screening-service when the rule says no");
        // the summary is all they see
        given().auth()
                .oauth2(Fixtures.partner(summaryOnly))
                .get("/api/v1/referrals/referrals/{id}", summaryReferral)
                .then()
                .statusCode(200)
                .body("summary.needs[0]", equalTo("food-security"))
                .body("summary.tier", equalTo(2))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("studentRef")));

        given().auth()
                .oauth2(Fixtures.partner(withIdentity))
                .get("/api/v1/referrals/referrals/{id}/student", trustedReferral)
                .then()
                .statusCode(200)
                .body("givenName", equalTo("Sam"))
                .body("studentRef", equalTo(consenting));
        List<Map<String, Object>> calls = recorded();
        assertEquals(before + 1, calls.size());
        Map<String, Object> call = calls.get(calls.size() - 1);
        assertEquals("Bearer " + ScreeningStub.TOKEN, call.get("authorization"));
        assertTrue(call.get("path")
                .toString()
                .contains("/boards/" + f.board + "/students/" + consenting + "/identity-disclosures"));
        assertEquals(Map.of("purpose", "referral:" + trustedReferral, "referralId", trustedReferral), call.get("body"));
    }

    private static Object referralFor(Fixtures f, org.bridgeway.events.ScreeningFlagged flagged) {
        Object caseId = f.awaitCase(flagged).get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> f.referralsOf(caseId).size() == 1);
        return f.referralsOf(caseId).get(0).get("id");
    }

    private List<Map<String, Object>> recorded() {
        return given().baseUri(screening)
                .get("/recorded")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }
}
