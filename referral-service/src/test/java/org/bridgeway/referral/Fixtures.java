package org.bridgeway.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.events.AgreementChanged;
import org.bridgeway.events.CloudEvents;
import org.bridgeway.events.ConsentChanged;
import org.bridgeway.events.EventJson;
import org.bridgeway.events.EventType;
import org.bridgeway.events.ScreeningFlagged;
import org.bridgeway.events.ScreeningReviewed;
import org.bridgeway.events.ServiceUpserted;
import org.bridgeway.testing.TestInfra;
import org.bridgeway.testing.TestKafka;

/**
 * A board of its own per test: a school, partner organizations with services and agreements published on
 * the real partner.events topic, flagged screenings on screening.events, and tokens for every side.
 */
public final class Fixtures {

    public final String board = "b-" + UUID.randomUUID();
    public final String school = "school-" + UUID.randomUUID();

    public static Fixtures newBoard() {
        return new Fixtures();
    }

    public String coordinator() {
        return TestInfra.token("coord-" + board)
                .roles("coordinator")
                .board(board)
                .sign();
    }

    public String staff(String... schools) {
        return TestInfra.token("staff-" + board)
                .roles("school-staff")
                .board(board)
                .schools(schools)
                .sign();
    }

    public static String partner(UUID org) {
        return TestInfra.token("partner-" + org)
                .roles("partner")
                .org(org.toString())
                .sign();
    }

    /** An organization with one active service covering {@code needs} at this board's school, and an agreement. */
    public UUID partnerWithService(String name, List<String> needs, int available, List<String> scopes) {
        UUID org = UUID.randomUUID();
        service(org, UUID.randomUUID(), name, needs, available, 1);
        agreement(org, scopes);
        return org;
    }

    public UUID service(UUID org, UUID serviceId, String name, List<String> needs, int available, long version) {
        publish(
                EventType.SERVICE_UPSERTED,
                serviceId.toString(),
                new ServiceUpserted(
                        serviceId,
                        org,
                        "Org " + name,
                        name,
                        needs,
                        10,
                        19,
                        6,
                        12,
                        List.of("en"),
                        List.of(school),
                        "active",
                        available,
                        10,
                        "none",
                        version,
                        Instant.now()));
        return serviceId;
    }

    public void agreement(UUID org, List<String> scopes) {
        publish(
                EventType.AGREEMENT_CHANGED,
                org.toString(),
                new AgreementChanged(
                        UUID.randomUUID(),
                        org,
                        board,
                        scopes,
                        LocalDate.now().minusDays(10),
                        null,
                        "active",
                        1,
                        Instant.now()));
    }

    public ScreeningFlagged flag(String studentRef, List<String> needs, int tier) {
        ScreeningFlagged flagged = new ScreeningFlagged(
                UUID.randomUUID(),
                studentRef,
                board,
                school,
                9,
                14,
                "needs-survey",
                1,
                LocalDate.now(),
                Map.of("housing", "high"),
                needs,
                tier,
                Instant.now());
        publish(EventType.SCREENING_FLAGGED, studentRef, flagged);
        return flagged;
    }

    public void review(ScreeningFlagged flagged, String decision, Integer tier) {
        publish(
                EventType.SCREENING_REVIEWED,
                flagged.studentRef(),
                new ScreeningReviewed(
                        flagged.screeningId(),
                        flagged.studentRef(),
                        board,
                        school,
                        decision,
                        tier,
                        false,
                        Instant.now()));
    }

    public void consent(String studentRef, String status) {
        publish(
                EventType.CONSENT_CHANGED,
                studentRef,
                new ConsentChanged(
                        studentRef, board, status, "guardian", List.of("referral", "identity"), Instant.now()));
    }

    public static void publish(EventType type, String key, Object payload) {
        TestKafka.publish(
                type.topic(),
                key,
                EventJson.write(payload),
                Map.of(
                        CloudEvents.HEADER_ID, UUID.randomUUID().toString(),
                        CloudEvents.HEADER_TYPE, type.type(),
                        CloudEvents.HEADER_SOURCE, type.source(),
                        CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION));
    }

    public void settings(String dispatch, boolean validationRequired) {
        given().auth()
                .oauth2(coordinator())
                .contentType("application/json")
                .body(Map.of("dispatch", dispatch, "validationRequired", validationRequired, "slaBusinessDays", 2))
                .put("/api/v1/referrals/boards/{b}/settings", board)
                .then()
                .statusCode(200);
    }

    /** Waits until the read model holds this board's services and agreements. */
    public void awaitPartners(int services, int agreements) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ReadModelProbe.servicesAt(school) >= services
                        && ReadModelProbe.agreementsOf(board) >= agreements);
    }

    /** The case of a flagged screening, once the consumer opened it. */
    public Map<String, Object> awaitCase(ScreeningFlagged flagged) {
        await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(flagged) != null);
        return caseOf(flagged);
    }

    public Map<String, Object> caseOf(ScreeningFlagged flagged) {
        List<Map<String, Object>> items = given().auth()
                .oauth2(coordinator())
                .queryParam("size", 200)
                .get("/api/v1/referrals/boards/{b}/cases", board)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return items.stream()
                .filter(c -> flagged.screeningId().toString().equals(c.get("screeningId")))
                .findFirst()
                .orElse(null);
    }

    public List<Map<String, Object>> referralsOf(Object caseId) {
        return given().auth()
                .oauth2(coordinator())
                .get("/api/v1/referrals/boards/{b}/cases/{c}/referrals", board, caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    public ValidatableResponse transition(String token, Object referralId, String etag, Map<String, Object> body) {
        var request =
                given().auth().oauth2(token).contentType("application/json").body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.post("/api/v1/referrals/referrals/{id}/transitions", referralId)
                .then();
    }

    public static String etag(String token, Object referralId) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/referrals/referrals/{id}", referralId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }
}
