package org.bridgeway.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bridgeway.devstack.SyntheticCohort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Races through the gateway: one Idempotency-Key sent at once from many clients; two partner users answering one referral. */
class ConcurrencyTest {

    private static Api api;
    private static Contract contract;

    @BeforeAll
    static void start() {
        var suite = Suite.get();
        contract = Contract.of(suite);
        api = new Api(suite, contract);
    }

    @AfterAll
    static void contract() {
        contract.assertConforms("the races");
    }

    @Test
    void oneIdempotencyKeySentConcurrentlyCreatesOneScreening() throws Exception {
        Ledger.SCENARIOS.incrementAndGet();
        String board = "race-key-" + UUID.randomUUID().toString().substring(0, 8);
        CohortIngest ingest = new CohortIngest(
                        api, board, SyntheticCohort.generate(3, "RK", List.of("s1"), 1, SyntheticCohort.Mix.REALISTIC))
                .rosterAndConsents();
        String body = response(ingest, ingest.cohort().students().get(0));
        String key = "race-" + UUID.randomUUID();
        String sis = api.token("sis-" + board, "sis", board);
        List<Response> answers = race(
                8,
                () -> api.as(sis)
                        .header("Idempotency-Key", key)
                        .body(body)
                        .post("/api/v1/screening/boards/{b}/screenings", board)
                        .then()
                        .extract()
                        .response());
        List<String> ids = new ArrayList<>();
        for (Response answer : answers) {
            assertTrue(
                    answer.statusCode() == 201 || answer.statusCode() == 409,
                    answer.statusCode() + " " + answer.asString());
            if (answer.statusCode() == 201) {
                ids.add(answer.path("id"));
            }
        }
        assertTrue(!ids.isEmpty() && ids.stream().distinct().count() == 1, "every 201 names the one screening: " + ids);
        assertEquals(1, ingest.screenings().size(), "one screening stored");
        Ledger.DUPLICATED.addAndGet(ingest.screenings().size() - 1L);
    }

    @Test
    void twoPartnerUsersAnsweringOneReferralAtOnceExactlyOneWins() throws Exception {
        Ledger.SCENARIOS.incrementAndGet();
        ReferredBoard referred = new ReferredBoard(api, "race-ref", 1);
        String org = ReferredBoard.ORG;
        String coordinator = referred.coordinator;
        String id = referred.referrals.get(0);
        String etag = api.as(api.partner(org))
                .get("/api/v1/referrals/referrals/{r}", id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String first = api.suite()
                .tokens()
                .token("partner-user-1")
                .roles("partner")
                .org(org)
                .sign();
        String second = api.suite()
                .tokens()
                .token("partner-user-2")
                .roles("partner")
                .org(org)
                .sign();
        List<Response> answers = race(2, new Callable<>() {
            private final java.util.concurrent.atomic.AtomicInteger turn =
                    new java.util.concurrent.atomic.AtomicInteger();

            public Response call() {
                boolean accept = turn.getAndIncrement() == 0;
                return api.as(accept ? first : second)
                        .header("If-Match", etag)
                        .body(
                                accept
                                        ? "{\"status\":\"accepted\"}"
                                        : "{\"status\":\"rejected\",\"reason\":\"at-capacity\"}")
                        .post("/api/v1/referrals/referrals/{r}/transitions", id)
                        .then()
                        .extract()
                        .response();
            }
        });
        List<Integer> statuses =
                answers.stream().map(Response::statusCode).sorted().toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "exactly one transition wins: " + statuses);
        assertTrue(
                statuses.stream().allMatch(s -> s == 200 || s == 412 || s == 409),
                "the loser is told why: " + statuses);
        String winner = answers.stream()
                .filter(a -> a.statusCode() == 200)
                .findFirst()
                .orElseThrow()
                .path("status");
        assertEquals(
                winner,
                api.as(coordinator)
                        .get("/api/v1/referrals/referrals/{r}", id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("status"));
    }

    private static String response(CohortIngest ingest, SyntheticCohort.Student student) {
        JsonNode instrument = Api.json(api.as(api.token("reader", "admin", null))
                .get("/api/v1/screening/instruments/needs-survey/versions/1")
                .then()
                .statusCode(200)
                .extract()
                .response());
        return ingest.cohort()
                .responsesJson(
                        instrument,
                        List.of(student),
                        Map.of(student.sisStudentId(), ingest.ref(student.sisStudentId())),
                        LocalDate.now())
                .get(0)
                .toString();
    }

    /** Runs the call from {@code n} threads released at the same instant. */
    private static <T> List<T> race(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
