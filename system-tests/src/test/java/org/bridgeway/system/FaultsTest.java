package org.bridgeway.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.devstack.Devstack;
import org.bridgeway.devstack.SyntheticCohort;
import org.bridgeway.events.EventType;
import org.bridgeway.events.ReferralStatusChanged;
import org.bridgeway.events.ScreeningFlagged;
import org.bridgeway.events.ServiceUpserted;
import org.bridgeway.testing.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults injected into the running suite, each bounded in time, each proving by counting rows and
 * events end to end that nothing was lost and nothing doubled: a poison record on every consumed
 * topic, the broker stopped during a bulk ingest, referral-service SIGKILLed mid-consumption,
 * PostgreSQL stopped under load. (PostgreSQL is down ~20 s, not the minute of the issue, to keep CI
 * time down: the services see the same refused connections either way.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {

    private static final SyntheticCohort.Mix ALL_HIGH = new SyntheticCohort.Mix(1, 0, 1, 0);
    private static final int COHORT = 40;
    private static final int OUTAGE_COHORT = 600;
    private static final Duration POSTGRES_OUTAGE = Duration.ofSeconds(60);

    private static Api api;
    private static Contract contract;
    private static Devstack suite;

    @BeforeAll
    static void start() {
        suite = Suite.get();
        suite.supervise();
        contract = Contract.of(suite);
        api = new Api(suite, contract);
    }

    @AfterAll
    static void contract() {
        contract.assertConforms("the faults");
    }

    @Test
    @Order(1)
    void aPoisonRecordOnEveryConsumedTopicLandsOnItsDeadLetterTopicAndTheFlowContinues() {
        Ledger.SCENARIOS.incrementAndGet();
        String bootstrap = suite.kafka().bootstrapServers();
        // A type each consumer reads, with data that cannot be decoded: poison, not an event meant for someone else.
        for (EventType type : List.of(
                EventType.of(ScreeningFlagged.class),
                EventType.of(ServiceUpserted.class),
                EventType.of(ReferralStatusChanged.class))) {
            String topic = type.topic();
            String key = "poison-" + UUID.randomUUID();
            TestKafka.publish(
                    bootstrap,
                    topic,
                    key,
                    "{not json",
                    Map.of(
                            "ce_specversion",
                            "1.0",
                            "ce_id",
                            key,
                            "ce_type",
                            type.type(),
                            "ce_source",
                            type.source(),
                            "content-type",
                            "application/json"));
            Ledger.FAULTS.incrementAndGet();
            Api.await(
                    key + " on " + topic + ".dlq",
                    Duration.ofSeconds(30),
                    () -> Events.withKey(bootstrap, topic + ".dlq", key),
                    n -> n == 1);
            Ledger.EVENTS.incrementAndGet();
        }
        Scenario after = new Scenario("poison", 5);
        after.ingest();
        after.awaitCasesExactly(Duration.ofSeconds(30));
    }

    @Test
    @Order(2)
    void theBrokerStoppedDuringABulkIngestLosesAndDoublesNothing() throws Exception {
        Ledger.SCENARIOS.incrementAndGet();
        Scenario scenario = new Scenario("broker", COHORT);
        String batch = scenario.submit();
        suite.kafka().stop();
        Ledger.FAULTS.incrementAndGet();
        try {
            assertEquals(
                    COHORT,
                    scenario.ingest.awaitBatch(batch, COHORT, Duration.ofSeconds(60)),
                    "scoring and storing need no broker: the events wait in the outbox");
        } finally {
            suite.kafka().start();
        }
        scenario.awaitCasesExactly(Duration.ofSeconds(60));
    }

    @Test
    @Order(3)
    void referralServiceKilledMidConsumptionIsRestartedAndLosesAndDoublesNothing() throws Exception {
        Ledger.SCENARIOS.incrementAndGet();
        Scenario scenario = new Scenario("sigkill", COHORT * 2);
        String batch = scenario.submit();
        Api.await(
                "the first cases",
                Duration.ofSeconds(60),
                () -> scenario.ingest.cases().size(),
                n -> n > 0);
        long before = suite.pid("referral-service");
        suite.crashService("referral-service");
        Ledger.FAULTS.incrementAndGet();
        scenario.ingest.awaitBatch(batch, COHORT * 2, Duration.ofSeconds(60));
        suite.awaitReady("referral-service");
        assertTrue(suite.pid("referral-service") != before, "the supervisor started a new referral-service");
        scenario.awaitCasesExactly(Duration.ofSeconds(60));
    }

    @Test
    @Order(4)
    void postgresStoppedForAMinuteDuringIngestAndCaseCreationLosesNothingAndTheServicesRecoverWithoutARestart()
            throws Exception {
        Ledger.SCENARIOS.incrementAndGet();
        // two chunks of flagged rows: PostgreSQL goes away while they are stored and their cases opened
        Scenario scenario = new Scenario("postgres", OUTAGE_COHORT);
        Map<String, Long> pids = new java.util.HashMap<>();
        Devstack.SERVICES.forEach(s -> pids.put(s.module(), suite.pid(s.module())));
        SyntheticCohort.Student late = scenario.ingest.cohort().students().get(0);
        String key = "late-" + UUID.randomUUID();
        Set<Integer> outageStatuses = new HashSet<>();
        String batch = scenario.submit();
        suite.stopPostgres();
        Ledger.FAULTS.incrementAndGet();
        try {
            long until = System.nanoTime() + POSTGRES_OUTAGE.toNanos();
            while (System.nanoTime() < until) {
                var answer = scenario.submitOne(late, key);
                outageStatuses.add(answer.statusCode());
                assertTrue(
                        answer.statusCode() == 503 || answer.statusCode() == 504,
                        "a database outage is 503 (or the gateway's 504), never " + answer.statusCode() + ": "
                                + answer.asString());
                if (answer.statusCode() == 503) {
                    assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
                    assertTrue(answer.header("Retry-After") != null, "503 without Retry-After");
                }
                Api.sleep(2000);
            }
            String metrics = given().get(suite.url("screening-service") + "/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertTrue(
                    metrics.lines().anyMatch(l -> l.startsWith("bridgeway_outbox_pending") && l.endsWith(" NaN")),
                    "the outbox backlog is unknown while the database is down, not its last value");
        } finally {
            suite.startPostgres();
        }
        assertEquals(
                OUTAGE_COHORT,
                scenario.ingest.awaitBatch(batch, OUTAGE_COHORT, Duration.ofSeconds(120)),
                "the batch resumed where it stood once the database was back");
        assertTrue(outageStatuses.contains(503), "the outage was seen as 503: " + outageStatuses);
        Api.await(
                "the late submit stored once its key is replayed",
                Duration.ofSeconds(60),
                () -> scenario.submitOne(late, key).statusCode(),
                s -> s == 201);
        scenario.extraFlagged = 1;
        scenario.awaitCasesExactly(Duration.ofSeconds(60));
        Devstack.SERVICES.forEach(
                s -> assertEquals(pids.get(s.module()), suite.pid(s.module()), s.module() + " restarted"));
    }

    @Test
    @Order(5)
    void partnerServiceDownIs503ForItsRoutesWhileReferralsAreStillAnswered() throws Exception {
        Ledger.SCENARIOS.incrementAndGet();
        ReferredBoard referred = new ReferredBoard(api, "partner-down", 4);
        String partner = api.partner(ReferredBoard.ORG);
        String admin = api.token("fault-admin", "admin", null);
        suite.stopService("partner-service");
        Ledger.FAULTS.incrementAndGet();
        try {
            api.as(admin)
                    .get("/api/v1/partners/services")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json");
            for (String id : referred.referrals) {
                String etag = api.as(partner)
                        .get("/api/v1/referrals/referrals/{r}", id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
                api.as(partner)
                        .header("If-Match", etag)
                        .body("{\"status\":\"accepted\"}")
                        .post("/api/v1/referrals/referrals/{r}/transitions", id)
                        .then()
                        .statusCode(200);
            }
        } finally {
            suite.startService("partner-service");
        }
        Api.await(
                "partner-service answers again",
                Duration.ofSeconds(20),
                () -> api.as(admin)
                        .get("/api/v1/partners/services")
                        .then()
                        .extract()
                        .statusCode(),
                s -> s == 200);
        long accepted = api.all(partner, "/api/v1/referrals/inbox?status=accepted").stream()
                .filter(r -> referred.referrals.contains(r.path("id").asText()))
                .count();
        Ledger.LOST.addAndGet(referred.referrals.size() - accepted);
        assertEquals(referred.referrals.size(), accepted, "every answer given while partner-service was down is kept");
    }

    /** One fault's cohort on its own board, all high risk so that flagged = students. */
    private static final class Scenario {
        final String board;
        final CohortIngest ingest;
        final int size;
        int extraFlagged;

        Scenario(String name, int size) {
            this.board = "fault-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
            this.size = size;
            this.ingest = new CohortIngest(
                            api,
                            board,
                            SyntheticCohort.generate(
                                    name.hashCode(), name.toUpperCase(), List.of("f1", "f2"), size, ALL_HIGH))
                    .rosterAndConsents();
        }

        String submit() {
            return ingest.submit(ingest.cohort().students(), false);
        }

        void ingest() {
            assertEquals(size, ingest.awaitBatch(submit(), size, Duration.ofSeconds(60)));
        }

        io.restassured.response.Response submitOne(SyntheticCohort.Student student, String idempotencyKey) {
            JsonNode row = ingest.cohort()
                    .responsesJson(
                            instrument(),
                            List.of(student),
                            Map.of(student.sisStudentId(), ingest.ref(student.sisStudentId())),
                            LocalDate.now())
                    .get(0);
            return api.as(api.token("sis-" + board, "sis", board))
                    .header("Idempotency-Key", idempotencyKey)
                    .body(row.toString())
                    .post("/api/v1/screening/boards/{b}/screenings", board)
                    .then()
                    .extract()
                    .response();
        }

        private JsonNode instrument() {
            return Api.json(api.as(api.token("sis-" + board, "sis", board))
                    .get("/api/v1/screening/instruments/needs-survey/versions/1")
                    .then()
                    .statusCode(200)
                    .extract()
                    .response());
        }

        /** Cases = flagged screenings, one per screening, and one ScreeningFlagged event each. */
        void awaitCasesExactly(Duration timeout) {
            int expected = size + extraFlagged;
            // pages of a listing that is still growing (newest first) can overlap; wait for every screening to be
            // seen, then read the finished listing once more for the exact counts
            Api.await(
                    "cases of " + board,
                    timeout,
                    ingest::cases,
                    c -> c.stream()
                                    .map(x -> x.path("screeningId").asText())
                                    .distinct()
                                    .count()
                            >= expected);
            Api.sleep(1000);
            List<JsonNode> cases = ingest.cases();
            List<String> screeningIds = new ArrayList<>();
            cases.forEach(c -> screeningIds.add(c.path("screeningId").asText()));
            long distinct = screeningIds.stream().distinct().count();
            Ledger.DUPLICATED.addAndGet(cases.size() - distinct);
            Ledger.LOST.addAndGet(Math.max(0, expected - distinct));
            assertEquals(expected, cases.size(), "cases = flagged (none lost, none doubled)");
            assertEquals(expected, distinct, "one case per screening");
            Set<String> flagged = new HashSet<>();
            ingest.screenings().stream()
                    .filter(s -> s.path("flagged").asBoolean())
                    .forEach(s -> flagged.add(s.path("id").asText()));
            assertEquals(expected, flagged.size(), "flagged screenings stored once each");
            Map<String, Integer> events = Events.flagged(suite.kafka().bootstrapServers(), flagged);
            assertEquals(flagged, events.keySet(), "a ScreeningFlagged event per flagged screening");
            assertTrue(events.values().stream().allMatch(n -> n == 1), "no ScreeningFlagged twice: " + events);
            Ledger.EVENTS.addAndGet(events.size());
        }
    }
}
