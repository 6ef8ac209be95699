package org.bridgeway.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.events.ScreeningFlagged;
import org.bridgeway.referral.domain.ExpiryClock;
import org.junit.jupiter.api.Test;

/**
 * From a flag on Kafka to an agency and back: ranked candidates, automatic dispatch, rejection and expiry each
 * re-routing to the next candidate, needs-attention when none is left, and the closed loop.
 */
@QuarkusTest
class ReferralLoopTest {

    @Inject
    ExpiryClock clock;

    @Test
    void aFlagBecomesACaseWithRankedExplainedCandidates() {
        Fixtures f = Fixtures.newBoard();
        UUID best = f.partnerWithService("Best Housing", List.of("housing"), 9, List.of("screening-summary"));
        UUID second = f.partnerWithService("Second Housing", List.of("housing"), 1, List.of("screening-summary"));
        UUID unsigned = UUID.randomUUID();
        f.service(unsigned, UUID.randomUUID(), "No Agreement Housing", List.of("housing"), 9, 1);
        f.awaitPartners(3, 2);
        ScreeningFlagged flagged = f.flag("ref-" + UUID.randomUUID(), List.of("housing"), 3);
        Object caseId = f.awaitCase(flagged).get("id");

        var candidates = given().auth()
                .oauth2(f.coordinator())
                .get("/api/v1/referrals/boards/{b}/cases/{c}/candidates", f.board, caseId)
                .then()
                .statusCode(200)
                .body("candidates[0].organizationId", equalTo(best.toString()))
                .body("candidates[1].organizationId", equalTo(second.toString()))
                .body("candidates[0].rank", equalTo(1))
                .body("candidates[0].components.needCoverage", equalTo(50.0f))
                .body("candidates[0].coveredNeeds", hasItem("housing"))
                .extract()
                .jsonPath();
        List<Map<String, Object>> excluded = candidates.getList("excluded");
        Map<String, Object> noAgreement = excluded.stream()
                .filter(e -> unsigned.toString().equals(e.get("organizationId")))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("no-agreement-in-force"), noAgreement.get("reasons"));
        // a manual board (the default) waits for a coordinator
        assertTrue(f.referralsOf(caseId).isEmpty());
    }

    @Test
    void autoDispatchThenRejectionReroutesAndNoCandidateLeftNeedsAttention() {
        Fixtures f = Fixtures.newBoard();
        f.settings("auto", false);
        UUID first = f.partnerWithService("First", List.of("housing"), 9, List.of("screening-summary"));
        UUID second = f.partnerWithService("Second", List.of("housing"), 2, List.of("screening-summary"));
        f.awaitPartners(2, 2);
        ScreeningFlagged flagged = f.flag("ref-" + UUID.randomUUID(), List.of("housing"), 2);
        Object caseId = f.awaitCase(flagged).get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> f.referralsOf(caseId).size() == 1);
        Object referral = f.referralsOf(caseId).get(0).get("id");

        // it waits in the first partner's inbox, and nowhere else
        given().auth()
                .oauth2(Fixtures.partner(first))
                .queryParam("status", "requested")
                .get("/api/v1/referrals/inbox")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(referral.toString()));
        given().auth()
                .oauth2(Fixtures.partner(second))
                .get("/api/v1/referrals/inbox")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        given().auth()
                .oauth2(Fixtures.partner(second))
                .get("/api/v1/referrals/referrals/{id}", referral)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        String etag = Fixtures.etag(Fixtures.partner(first), referral);
        f.transition(Fixtures.partner(second), referral, etag, Map.of("status", "accepted"))
                .statusCode(404);

        f.transition(Fixtures.partner(first), referral, null, Map.of("status", "rejected", "reason", "at-capacity"))
                .statusCode(428)
                .contentType("application/problem+json");
        f.transition(Fixtures.partner(first), referral, "\"99\"", Map.of("status", "rejected", "reason", "at-capacity"))
                .statusCode(412);
        f.transition(Fixtures.partner(first), referral, etag, Map.of("status", "rejected"))
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        f.transition(
                        Fixtures.partner(first),
                        referral,
                        etag,
                        Map.of("status", "rejected", "reason", "at-capacity", "note", "full until January"))
                .statusCode(200)
                .body("status", equalTo("rejected"));

        // re-routed to the next candidate at once, in the same transaction
        List<Map<String, Object>> referrals = f.referralsOf(caseId);
        assertEquals(2, referrals.size());
        assertEquals(second.toString(), referrals.get(1).get("organizationId"));
        assertEquals("requested", referrals.get(1).get("status"));

        Object next = referrals.get(1).get("id");
        f.transition(
                        Fixtures.partner(second),
                        next,
                        Fixtures.etag(Fixtures.partner(second), next),
                        Map.of("status", "rejected", "reason", "not-eligible"))
                .statusCode(200);
        given().auth()
                .oauth2(f.coordinator())
                .queryParam("needsAttention", true)
                .get("/api/v1/referrals/boards/{b}/cases", f.board)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(caseId))
                .body("items[0].status", equalTo("referred"));
        // the declining organizations are never proposed again
        given().auth()
                .oauth2(f.coordinator())
                .get("/api/v1/referrals/boards/{b}/cases/{c}/candidates", f.board, caseId)
                .then()
                .statusCode(200)
                .body("candidates", org.hamcrest.Matchers.empty());
        given().auth()
                .oauth2(f.coordinator())
                .get("/api/v1/referrals/boards/{b}/cases/{c}/timeline", f.board, caseId)
                .then()
                .statusCode(200)
                .body("toStatus", hasItems("open", "validated", "referred", "requested", "rejected"))
                .body("find { it.toStatus == 'rejected' && it.note == 'full until January' }.role", equalTo("partner"))
                .body("find { it.action == 'needs-attention' }.role", equalTo("system"));
    }

    /**
     * Cases open in one statement and their first timeline entries are written in another: the entry names the
     * screening, carries the time it was written, and comes before what the board's dispatch wrote next.
     */
    @Test
    void aNewCaseTimelineStartsWithItsOpeningOnEveryBoard() {
        Fixtures manual = Fixtures.newBoard();
        ScreeningFlagged waiting = manual.flag("ref-" + UUID.randomUUID(), List.of("housing"), 3);
        Object waitingCase = manual.awaitCase(waiting).get("id");
        Instant before = waiting.flaggedAt().minusSeconds(1);

        List<Map<String, Object>> timeline = timeline(manual, waitingCase);
        assertEquals(1, timeline.size());
        assertOpening(timeline.get(0), waiting, before);

        Fixtures auto = Fixtures.newBoard();
        auto.settings("auto", false);
        auto.partnerWithService("Opening", List.of("housing"), 3, List.of("screening-summary"));
        auto.awaitPartners(1, 1);
        ScreeningFlagged dispatched = auto.flag("ref-" + UUID.randomUUID(), List.of("housing"), 3);
        Object dispatchedCase = auto.awaitCase(dispatched).get("id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> auto.referralsOf(dispatchedCase).size() == 1);

        List<Map<String, Object>> worked = timeline(auto, dispatchedCase);
        assertOpening(worked.get(0), dispatched, before);
        assertTrue(worked.size() > 1, "dispatch wrote entries after the opening: " + worked);
        assertTrue(
                worked.subList(1, worked.size()).stream().allMatch(e -> !"open".equals(e.get("toStatus"))),
                "the opening is written once: " + worked);
    }

    private static List<Map<String, Object>> timeline(Fixtures f, Object caseId) {
        return given().auth()
                .oauth2(f.coordinator())
                .get("/api/v1/referrals/boards/{b}/cases/{c}/timeline", f.board, caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static void assertOpening(Map<String, Object> entry, ScreeningFlagged flagged, Instant before) {
        assertEquals("case", entry.get("action"));
        assertEquals(null, entry.get("fromStatus"));
        assertEquals("open", entry.get("toStatus"));
        assertEquals("system", entry.get("role"));
        assertEquals("flagged by screening " + flagged.screeningId(), entry.get("note"));
        Instant at = Instant.parse(entry.get("at").toString());
        assertTrue(
                !at.isBefore(before) && at.isBefore(Instant.now().plusSeconds(5)),
                "written now, in UTC: " + at + " (flagged " + flagged.flaggedAt() + ")");
    }

    @Test
    void anExpiredReferralReroutesToTheNextCandidate() {
        Fixtures f = Fixtures.newBoard();
        f.settings("auto", false);
        UUID first = f.partnerWithService("Quick", List.of("food-security"), 9, List.of("screening-summary"));
        UUID second = f.partnerWithService("Slow", List.of("food-security"), 1, List.of("screening-summary"));
        f.awaitPartners(2, 2);
        ScreeningFlagged flagged = f.flag("ref-" + UUID.randomUUID(), List.of("food-security"), 3);
        Object caseId = f.awaitCase(flagged).get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> f.referralsOf(caseId).size() == 1);
        assertEquals(first.toString(), f.referralsOf(caseId).get(0).get("organizationId"));

        // the clock jumps past the SLA of 2 business days (at most 4 calendar days over a weekend)
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            clock.expireDue(Instant.now().plus(Duration.ofDays(5)));
            return f.referralsOf(caseId).size() == 2;
        });
        List<Map<String, Object>> referrals = f.referralsOf(caseId);
        assertEquals("expired", referrals.get(0).get("status"));
        assertEquals(second.toString(), referrals.get(1).get("organizationId"));
        given().auth()
                .oauth2(Fixtures.partner(second))
                .queryParam("overdue", false)
                .get("/api/v1/referrals/inbox")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(referrals.get(1).get("id")));
    }

    @Test
    void eachSideMakesOnlyItsOwnTransitions() {
        Fixtures f = Fixtures.newBoard();
        f.settings("auto", false);
        UUID org = f.partnerWithService("Only", List.of("mental-health"), 5, List.of("screening-summary"));
        f.awaitPartners(1, 1);
        Object caseId = f.awaitCase(f.flag("ref-" + UUID.randomUUID(), List.of("mental-health"), 2))
                .get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> f.referralsOf(caseId).size() == 1);
        Object referral = f.referralsOf(caseId).get(0).get("id");
        String partner = Fixtures.partner(org);

        f.transition(partner, referral, Fixtures.etag(partner, referral), Map.of("status", "cancelled"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("allowed: accepted, rejected"));
        f.transition(f.coordinator(), referral, Fixtures.etag(f.coordinator(), referral), Map.of("status", "accepted"))
                .statusCode(409)
                .body("detail", containsString("allowed: cancelled"));
        f.transition(f.staff("another-school"), referral, "\"1\"", Map.of("status", "cancelled"))
                .statusCode(404);
        f.transition(partner, referral, Fixtures.etag(partner, referral), Map.of("status", "accepted"))
                .statusCode(200)
                .body("allowedTransitions", hasItems("in-progress", "completed"));
        f.transition(partner, referral, Fixtures.etag(partner, referral), Map.of("status", "completed"))
                .statusCode(400)
                .body("errors.field", hasItem("outcome"));
        f.transition(
                        partner,
                        referral,
                        Fixtures.etag(partner, referral),
                        Map.of("status", "completed", "outcome", "service-provided", "note", "six sessions"))
                .statusCode(200);

        given().auth()
                .oauth2(f.coordinator())
                .get("/api/v1/referrals/boards/{b}/cases/{c}", f.board, caseId)
                .then()
                .statusCode(200)
                .body("status", equalTo("closed"))
                .body("closureOutcome", equalTo("service-provided"));
    }

    @Test
    void reviewsDriveTheCaseTier1ClosesTier4ReferForEachNeed() {
        Fixtures f = Fixtures.newBoard();
        f.settings("auto", true);
        f.partnerWithService("Housing", List.of("housing"), 5, List.of("screening-summary"));
        f.partnerWithService("Food", List.of("food-security"), 5, List.of("screening-summary"));
        f.awaitPartners(2, 2);
        ScreeningFlagged monitored = f.flag("ref-" + UUID.randomUUID(), List.of("housing"), 2);
        ScreeningFlagged intensive = f.flag("ref-" + UUID.randomUUID(), List.of("housing", "food-security"), 3);
        ScreeningFlagged dismissed = f.flag("ref-" + UUID.randomUUID(), List.of("housing"), 2);
        Object intensiveCase = f.awaitCase(intensive).get("id");
        assertEquals("open", f.awaitCase(monitored).get("status"));
        assertTrue(f.referralsOf(intensiveCase).isEmpty(), "validation is required before dispatch");

        f.review(monitored, "confirmed", 1);
        f.review(intensive, "confirmed", 4);
        f.review(dismissed, "dismissed", null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "closed".equals(f.caseOf(monitored).get("status"))
                        && "dismissed".equals(f.caseOf(dismissed).get("status"))
                        && f.referralsOf(intensiveCase).size() == 2);
        assertEquals("monitoring-at-school", f.caseOf(monitored).get("closureOutcome"));
        assertEquals(
                List.of("housing", "food-security"),
                f.referralsOf(intensiveCase).stream().map(r -> r.get("need")).toList());
        assertEquals(4, f.caseOf(intensive).get("tier"));
    }

    @Test
    void aManualBoardWaitsForTheCoordinatorWhoValidatesAndRefers() {
        Fixtures f = Fixtures.newBoard();
        UUID org = f.partnerWithService("Chosen", List.of("school-engagement"), 5, List.of("screening-summary"));
        f.awaitPartners(1, 1);
        ScreeningFlagged flagged = f.flag("ref-" + UUID.randomUUID(), List.of("school-engagement"), 2);
        Object caseId = f.awaitCase(flagged).get("id");
        given().auth()
                .oauth2(f.coordinator())
                .contentType("application/json")
                .body(Map.of())
                .post("/api/v1/referrals/boards/{b}/cases/{c}/referrals", f.board, caseId)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(f.staff("another-school"))
                .contentType("application/json")
                .body(Map.of("decision", "confirm", "tier", 2))
                .post("/api/v1/referrals/boards/{b}/cases/{c}/validation", f.board, caseId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(f.staff(f.school))
                .contentType("application/json")
                .body(Map.of("decision", "confirm", "tier", 3, "note", "known to the counsellor"))
                .post("/api/v1/referrals/boards/{b}/cases/{c}/validation", f.board, caseId)
                .then()
                .statusCode(200)
                .body("status", equalTo("validated"))
                .body("tier", equalTo(3));
        String location = given().auth()
                .oauth2(f.coordinator())
                .contentType("application/json")
                .body(Map.of("note", "called the family first"))
                .post("/api/v1/referrals/boards/{b}/cases/{c}/referrals", f.board, caseId)
                .then()
                .statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .body("organizationId", equalTo(org.toString()))
                .extract()
                .header("Location");
        assertTrue(location.endsWith(
                "/api/v1/referrals/referrals/" + f.referralsOf(caseId).get(0).get("id")));
        given().auth()
                .oauth2(f.coordinator())
                .queryParam("organizationId", org.toString())
                .queryParam("status", "requested")
                .get("/api/v1/referrals/boards/{b}/referrals", f.board)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));
    }
}
