package org.bridgeway.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeway.devstack.DemoSeed;
import org.bridgeway.devstack.SyntheticCohort;
import org.bridgeway.devstack.SyntheticCohort.Consent;
import org.bridgeway.devstack.SyntheticCohort.Risk;
import org.bridgeway.devstack.SyntheticCohort.Student;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole loop through the gateway with a synthetic cohort on the demo board and the demo
 * directory, counts asserted at every step: roster, consents, responses (bulk JSON and CSV), scores,
 * flags, cases, candidates, validation, referrals, partner answers, re-routing, completion, closure,
 * and the outcome back in screening's funnel and in referral outcomes.
 */
class GoldenPathTest {

    private static final String BOARD = DemoSeed.BOARD;
    private static final List<String> SCHOOLS = List.of(DemoSeed.SCHOOL, "demo-school-2");
    private static final int STUDENTS = 120;

    private static Api api;
    private static Contract contract;

    @BeforeAll
    static void start() throws Exception {
        var suite = Suite.get();
        contract = Contract.of(suite);
        api = new Api(suite, contract);
        api.seedDirectory();
    }

    @AfterAll
    static void contract() {
        contract.assertConforms("the golden path");
    }

    @Test
    void theWholeLoopCountsUpAtEveryStep() {
        Ledger.SCENARIOS.incrementAndGet();
        SyntheticCohort cohort = SyntheticCohort.generate(2026, "GP", SCHOOLS, STUDENTS, SyntheticCohort.Mix.REALISTIC);
        CohortIngest ingest = new CohortIngest(api, BOARD, cohort).rosterAndConsents();
        List<Student> students = cohort.students();
        String jsonBatch = ingest.submit(students.subList(0, STUDENTS / 2), false);
        String csvBatch = ingest.submit(students.subList(STUDENTS / 2, STUDENTS), true);
        int flagged = ingest.awaitBatch(jsonBatch, STUDENTS / 2, Duration.ofSeconds(90))
                + ingest.awaitBatch(csvBatch, STUDENTS - STUDENTS / 2, Duration.ofSeconds(90));

        Map<String, Student> byRef = ingest.byRef();
        List<JsonNode> screenings = ingest.screenings();
        assertEquals(STUDENTS, screenings.size(), "one scored screening per response");
        long listedFlagged =
                screenings.stream().filter(s -> s.path("flagged").asBoolean()).count();
        assertEquals(flagged, listedFlagged, "the batches' flagged count is what the screenings show");
        for (JsonNode screening : screenings) {
            Risk risk = byRef.get(screening.path("studentRef").asText()).risk();
            if (risk != Risk.MODERATE) {
                assertEquals(
                        risk == Risk.HIGH,
                        screening.path("flagged").asBoolean(),
                        "a " + risk + " student: " + screening);
            }
        }
        assertTrue(flagged >= cohort.count(s -> s.risk() == Risk.HIGH) && flagged >= 5, "flagged " + flagged);

        String coordinator = api.token("golden-coordinator", "coordinator", BOARD);
        List<JsonNode> cases = Api.await(
                "a case per flagged screening", Duration.ofSeconds(60), ingest::cases, c -> c.size() >= flagged);
        assertEquals(flagged, cases.size(), "flagged = cases");
        assertEquals(
                flagged,
                cases.stream()
                        .map(c -> c.path("screeningId").asText())
                        .distinct()
                        .count(),
                "one case per screening");
        Ledger.EVENTS.addAndGet(countFlaggedEvents(screenings));

        Set<String> inForce = agreementsInForce(coordinator);
        Map<String, Set<String>> identityScope = identityAgreements(coordinator);
        List<String> referred = new ArrayList<>();
        Map<String, String> caseOfReferral = new HashMap<>();
        int dismissed = 0;
        for (JsonNode aCase : cases) {
            String caseId = aCase.path("id").asText();
            JsonNode candidates = Api.json(api.as(coordinator)
                    .get("/api/v1/referrals/boards/{b}/cases/{c}/candidates", BOARD, caseId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .response());
            candidates
                    .path("candidates")
                    .forEach(c -> assertTrue(
                            inForce.contains(c.path("organizationId").asText()),
                            "a candidate without an agreement in force: " + c));
            if (candidates.path("candidates").isEmpty()) {
                api.as(coordinator)
                        .body("{\"decision\":\"dismiss\",\"note\":\"no partner covers these needs\"}")
                        .post("/api/v1/referrals/boards/{b}/cases/{c}/validation", BOARD, caseId)
                        .then()
                        .statusCode(200);
                dismissed++;
                continue;
            }
            api.as(coordinator)
                    .body("{\"decision\":\"confirm\",\"tier\":2}")
                    .post("/api/v1/referrals/boards/{b}/cases/{c}/validation", BOARD, caseId)
                    .then()
                    .statusCode(200);
            JsonNode referral = Api.json(api.as(coordinator)
                    .body("{}")
                    .post("/api/v1/referrals/boards/{b}/cases/{c}/referrals", BOARD, caseId)
                    .then()
                    .statusCode(201)
                    .extract()
                    .response());
            assertTrue(
                    inForce.contains(referral.path("organizationId").asText()),
                    "referred without an agreement: " + referral);
            referred.add(referral.path("id").asText());
            caseOfReferral.put(referral.path("id").asText(), caseId);
        }
        assertEquals(flagged, referred.size() + dismissed, "every case validated: referred or dismissed");

        Map<String, JsonNode> caseById = new HashMap<>();
        cases.forEach(c -> caseById.put(c.path("id").asText(), c));
        int rejected = 0;
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < referred.size(); i++) {
            String referralId = referred.get(i);
            var read = api.as(partnerOf(referralId))
                    .get("/api/v1/referrals/referrals/{r}", referralId)
                    .then()
                    .statusCode(200)
                    .extract();
            String org = read.path("organizationId");
            if (i % 3 == 0) {
                transition(
                        org, referralId, read.header("ETag"), "{\"status\":\"rejected\",\"reason\":\"at-capacity\"}");
                rejected++;
                assertRerouted(coordinator, caseOfReferral.get(referralId), referralId, org);
            } else {
                String etag = transition(org, referralId, read.header("ETag"), "{\"status\":\"accepted\"}");
                Student student = byRef.get(caseById.get(caseOfReferral.get(referralId))
                        .path("studentRef")
                        .asText());
                boolean mayKnow = student.consent() == Consent.GRANTED && identityScope.containsKey(org);
                var identity = api.as(api.partner(org)).get("/api/v1/referrals/referrals/{r}/student", referralId);
                assertEquals(
                        mayKnow ? 200 : 403,
                        identity.statusCode(),
                        "identity (consent " + student.consent() + ", identity agreement "
                                + identityScope.containsKey(org) + "): " + identity.asString());
                etag = transition(org, referralId, etag, "{\"status\":\"in-progress\"}");
                transition(org, referralId, etag, "{\"status\":\"completed\",\"outcome\":\"service-provided\"}");
                accepted.add(referralId);
            }
        }
        assertTrue(rejected > 0 && !accepted.isEmpty(), "both answers exercised");

        for (String referralId : accepted) {
            String caseId = caseOfReferral.get(referralId);
            var closure = api.as(coordinator)
                    .body("{\"outcome\":\"service-provided\"}")
                    .post("/api/v1/referrals/boards/{b}/cases/{c}/closure", BOARD, caseId)
                    .then()
                    .extract();
            assertTrue(closure.statusCode() == 200 || closure.statusCode() == 409, "closure " + closure.asString());
            assertEquals(
                    "closed",
                    api.as(coordinator)
                            .get("/api/v1/referrals/boards/{b}/cases/{c}", BOARD, caseId)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("status"));
        }
        long closed = api.all(coordinator, "/api/v1/referrals/boards/{b}/cases?status=closed", BOARD)
                .size();
        assertTrue(closed >= accepted.size(), "closed " + closed + " of " + accepted.size());

        String analyst = api.token("golden-analyst", "analyst", BOARD);
        JsonNode outcomes = Api.json(api.as(coordinator)
                .get("/api/v1/referrals/boards/{b}/outcomes", BOARD)
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertTrue(
                shows(accepted.size(), outcomes.path("completedByOutcome").path("service-provided")),
                outcomes.toString());
        assertTrue(shows(rejected, outcomes.path("rejectedByReason").path("at-capacity")), outcomes.toString());
        int completed = accepted.size();
        JsonNode funnel = Api.await(
                "the completions reach screening's funnel",
                Duration.ofSeconds(30),
                () -> Api.json(api.as(analyst)
                        .get("/api/v1/screening/boards/{b}/funnel", BOARD)
                        .then()
                        .statusCode(200)
                        .extract()
                        .response()),
                f -> shows(completed, f.path("completed").path("count")));
        assertTrue(shows(STUDENTS, funnel.path("screened").path("count")), funnel.toString());
        assertTrue(shows(flagged, funnel.path("flagged").path("count")), funnel.toString());
    }

    /** An aggregate shows the count, or nothing when the count is a small cell (under 5, suppressed). */
    private static boolean shows(long expected, JsonNode cell) {
        return cell.isNumber() ? cell.asLong() == expected : expected < 5;
    }

    /** Moves a referral as its partner; returns the new ETag. */
    private static String transition(String org, String referralId, String etag, String body) {
        return api.as(api.partner(org))
                .header("If-Match", etag)
                .body(body)
                .post("/api/v1/referrals/referrals/{r}/transitions", referralId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** The coordinator's view names the organization; its partner reads the referral. */
    private static String partnerOf(String referralId) {
        String org = api.as(api.token("golden-coordinator", "coordinator", BOARD))
                .get("/api/v1/referrals/referrals/{r}", referralId)
                .then()
                .statusCode(200)
                .extract()
                .path("organizationId");
        return api.partner(org);
    }

    private static void assertRerouted(String coordinator, String caseId, String rejectedId, String rejectedOrg) {
        List<JsonNode> referrals = Api.await(
                "case " + caseId + " re-routed",
                Duration.ofSeconds(20),
                () -> list(api.as(coordinator)
                        .get("/api/v1/referrals/boards/{b}/cases/{c}/referrals", BOARD, caseId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()),
                r -> r.size() >= 2
                        || r.stream().anyMatch(x -> x.path("status").asText().equals("rejected"))
                                && isExhausted(coordinator, caseId));
        if (referrals.size() >= 2) {
            JsonNode next = referrals.get(referrals.size() - 1);
            assertNotEquals(rejectedId, next.path("id").asText());
            assertNotEquals(rejectedOrg, next.path("organizationId").asText(), "re-routed to a partner that declined");
            assertEquals("requested", next.path("status").asText());
        }
    }

    /** No candidate left: the case waits for a person (needs attention). */
    private static boolean isExhausted(String coordinator, String caseId) {
        return api.as(coordinator)
                .get("/api/v1/referrals/boards/{b}/cases/{c}", BOARD, caseId)
                .then()
                .extract()
                .path("needsAttention");
    }

    private static Set<String> agreementsInForce(String coordinator) {
        Set<String> orgs = new HashSet<>();
        api.all(coordinator, "/api/v1/partners/agreements?board=" + BOARD + "&inForceOn=" + LocalDate.now())
                .forEach(a -> orgs.add(a.path("organizationId").asText()));
        assertTrue(orgs.size() >= 5, "the demo directory's agreements in force: " + orgs);
        return orgs;
    }

    private static Map<String, Set<String>> identityAgreements(String coordinator) {
        Map<String, Set<String>> byOrg = new HashMap<>();
        api.all(coordinator, "/api/v1/partners/agreements?board=" + BOARD + "&inForceOn=" + LocalDate.now())
                .forEach(a -> {
                    a.path("scopes").forEach(s -> {
                        if (s.asText().equals("identity")) {
                            byOrg.computeIfAbsent(a.path("organizationId").asText(), o -> new HashSet<>())
                                    .add("identity");
                        }
                    });
                });
        return byOrg;
    }

    /** ScreeningFlagged events of this run on the broker: exactly one per flagged screening. */
    private static long countFlaggedEvents(List<JsonNode> screenings) {
        Set<String> flaggedIds = new HashSet<>();
        screenings.stream()
                .filter(s -> s.path("flagged").asBoolean())
                .forEach(s -> flaggedIds.add(s.path("id").asText()));
        Map<String, Integer> perScreening = Events.flagged(api.suite().kafka().bootstrapServers(), flaggedIds);
        assertEquals(flaggedIds, perScreening.keySet(), "a ScreeningFlagged event per flagged screening (lost)");
        assertTrue(perScreening.values().stream().allMatch(n -> n == 1), "no event twice: " + perScreening);
        return perScreening.size();
    }

    private static List<JsonNode> list(String json) {
        List<JsonNode> items = new ArrayList<>();
        Api.json(json).forEach(items::add);
        return items;
    }
}
