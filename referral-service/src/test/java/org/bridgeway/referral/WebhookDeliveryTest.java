package org.bridgeway.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bridgeway.events.ScreeningFlagged;
import org.bridgeway.referral.delivery.WebhookWorker;
import org.bridgeway.referral.domain.webhook.WebhookDispatch;
import org.bridgeway.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * A partner's endpoint on localhost receives its organization's ReferralStatusChanged events as signed CloudEvents:
 * each once and in order, retried after 500s, the subscription failing after the retry budget (5 s in tests) and
 * resuming when re-enabled, both signatures during a rotation, and nothing lost when the worker stops or the
 * database connection dies between the POST and its record.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SOON = Duration.ofSeconds(30);

    @Inject
    WebhookWorker worker;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookDispatch dispatch;

    @Test
    void eachEventArrivesOnceInOrderAsASignedCloudEvent() throws Exception {
        Partner p = Partner.withService();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, Object> created = p.register(receiver.url());
            String secret = (String) created.get("secret");
            assertTrue(secret.startsWith("whsec_"), secret);
            String id = (String) ((Map<?, ?>) created.get("webhook")).get("id");
            Object referral = p.newReferral();
            p.move(referral, "accepted");
            p.move(referral, "in-progress");
            p.move(referral, "completed", "outcome", "service-provided");

            List<WebhookReceiver.Received> got = receiver.awaitAtLeast(4, SOON);
            await().atMost(SOON).until(() -> p.pending(id) == 0);
            assertEquals(4, receiver.received.size(), "each event exactly once");
            List<String> statuses = receiver.received.stream()
                    .map(r -> {
                        assertTrue(WebhookReceiver.verifies(secret, r), "signature of " + r.id());
                        assertEquals("application/cloudevents+json", r.contentType());
                        JsonNode event = read(r.body());
                        assertEquals("1.0", event.path("specversion").asText());
                        assertEquals(
                                "org.bridgeway.referral.ReferralStatusChanged.v1",
                                event.path("type").asText());
                        assertEquals(
                                "/bridgeway/referral-service",
                                event.path("source").asText(),
                                "the source on referral.events");
                        assertEquals(
                                "application/json",
                                event.path("datacontenttype").asText());
                        assertEquals(referral.toString(), event.path("subject").asText());
                        assertFalse(event.path("id").asText().isEmpty());
                        assertFalse(event.path("time").asText().isEmpty());
                        assertEquals(
                                p.org.toString(),
                                event.path("data").path("organizationId").asText());
                        assertEquals(
                                referral.toString(),
                                event.path("data").path("referralId").asText());
                        return event.path("data").path("status").asText();
                    })
                    .toList();
            assertEquals(List.of("requested", "accepted", "in-progress", "completed"), statuses);
            assertEquals(
                    4, got.stream().map(WebhookReceiver.Received::id).distinct().count());
            assertEquals(1, receiver.maxInFlight(), "one delivery in flight per subscription");
            String studentRef = studentRefOf(referral.toString());
            for (WebhookReceiver.Received r : got) {
                assertEquals(
                        org.bridgeway.referral.domain.Access.partnerAlias(p.org, studentRef),
                        read(r.body()).path("data").path("studentRef").asText(),
                        "the partner's alias of the student, never the board's studentRef");
            }

            given().auth()
                    .oauth2(p.token())
                    .get("/api/v1/referrals/webhooks/{id}/deliveries", id)
                    .then()
                    .statusCode(200)
                    .body("totalItems", equalTo(4))
                    .body("items[0].state", equalTo("delivered"))
                    .body("items[0].attempts[0].statusCode", equalTo(200))
                    .body("items[3].id", equalTo(got.get(0).id()));
        }
    }

    @Test
    void a500IsRetriedWithTheSameIdAndLaterEventsWaitBehindIt() {
        Partner p = Partner.withService();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer(500, 500, 500);
            Map<String, Object> created = p.register(receiver.url());
            String id = (String) ((Map<?, ?>) created.get("webhook")).get("id");
            Object referral = p.newReferral();
            p.move(referral, "accepted");

            List<WebhookReceiver.Received> got = receiver.awaitAtLeast(5, SOON);
            await().atMost(SOON).until(() -> p.pending(id) == 0);
            List<String> ids = got.stream().map(WebhookReceiver.Received::id).toList();
            String first = ids.get(0);
            assertEquals(List.of(first, first, first, first), ids.subList(0, 4), "the head is retried until it passes");
            assertEquals(5, receiver.received.size());
            assertEquals(
                    "accepted",
                    read(got.get(4).body()).path("data").path("status").asText());
            assertTrue(got.stream().allMatch(r -> WebhookReceiver.verifies((String) created.get("secret"), r)));

            given().auth()
                    .oauth2(p.token())
                    .get("/api/v1/referrals/webhooks/{id}/deliveries", id)
                    .then()
                    .statusCode(200)
                    .body("items[1].id", equalTo(first))
                    .body("items[1].attempts.statusCode", equalTo(List.of(500, 500, 500, 200)))
                    .body("items[1].attempts[0].error", equalTo("HTTP 500"))
                    .body("items[1].state", equalTo("delivered"));
            given().get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("bridgeway_webhook_attempts_total{outcome=\"failed\"}"))
                    .body(containsString("bridgeway_webhook_attempts_total{outcome=\"delivered\"}"));
        }
    }

    @Test
    void afterTheRetryBudgetTheSubscriptionIsFailingUntilReEnabled() {
        Partner p = Partner.withService();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.defaultAnswer = 503;
            Map<String, Object> created = p.register(receiver.url());
            String id = (String) ((Map<?, ?>) created.get("webhook")).get("id");
            Object referral = p.newReferral();

            await().atMost(SOON).until(() -> "failing".equals(p.webhook(id).get("status")));
            int attempts = receiver.received.size();
            assertTrue(attempts >= 2, "retried before giving up: " + attempts);
            // the coordinator of the board sees it failing, with the last error and no next attempt
            given().auth()
                    .oauth2(p.board.coordinator())
                    .queryParam("status", "failing")
                    .get("/api/v1/referrals/webhooks")
                    .then()
                    .statusCode(200)
                    .body("items.id", hasItem(id))
                    .body("items.find { it.id == '" + id + "' }.lastStatusCode", equalTo(503))
                    .body("items.find { it.id == '" + id + "' }.lastError", startsWith("retried since"))
                    .body("items.find { it.id == '" + id + "' }.failingSince", notNullValue())
                    .body("items.find { it.id == '" + id + "' }.nextAttemptAt", nullValue())
                    .body("items.find { it.id == '" + id + "' }.pendingDeliveries", equalTo(1));
            p.move(referral, "accepted");
            sleep(Duration.ofSeconds(1));
            assertEquals(attempts, receiver.received.size(), "a failing subscription gets nothing");

            receiver.defaultAnswer = 200;
            given().auth()
                    .oauth2(p.token())
                    .post("/api/v1/referrals/webhooks/{id}/enable", id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("active"))
                    .body("pendingDeliveries", equalTo(2));
            await().atMost(SOON).until(() -> p.pending(id) == 0);
            List<WebhookReceiver.Received> tail = receiver.received.subList(attempts, receiver.received.size());
            assertEquals(
                    List.of("requested", "accepted"),
                    tail.stream()
                            .map(r -> read(r.body()).path("data").path("status").asText())
                            .toList(),
                    "resumed where it stopped, in order");
        }
    }

    @Test
    void duringARotationBothSecretsSign() {
        Partner p = Partner.withService();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, Object> created = p.register(receiver.url());
            String old = (String) created.get("secret");
            String id = (String) ((Map<?, ?>) created.get("webhook")).get("id");
            Map<String, Object> rotated = given().auth()
                    .oauth2(p.token())
                    .post("/api/v1/referrals/webhooks/{id}/rotate", id)
                    .then()
                    .statusCode(200)
                    .body("webhook.previousSecretValidUntil", notNullValue())
                    .extract()
                    .jsonPath()
                    .getMap("$");
            String fresh = (String) rotated.get("secret");
            assertFalse(fresh.equals(old));
            p.newReferral();

            WebhookReceiver.Received r = receiver.awaitAtLeast(1, SOON).get(0);
            String[] signatures = r.signature().split(" ");
            assertEquals(2, signatures.length, r.signature());
            assertTrue(WebhookReceiver.signatureMatches(fresh, r, signatures[0].substring(3)));
            assertTrue(WebhookReceiver.signatureMatches(old, r, signatures[1].substring(3)));
            assertFalse(WebhookReceiver.signatureMatches(fresh, r, signatures[1].substring(3)));
            given().auth()
                    .oauth2(p.token())
                    .get("/api/v1/referrals/webhooks/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("secret", nullValue());
        }
    }

    @Test
    void deliveriesQueuedWhileTheWorkerIsStoppedAreSentAfterItStarts() {
        Partner p = Partner.withService();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = (String) ((Map<?, ?>) p.register(receiver.url()).get("webhook")).get("id");
            worker.stop();
            try {
                Object referral = p.newReferral();
                p.move(referral, "accepted");
                sleep(Duration.ofSeconds(1));
                assertEquals(0, receiver.received.size());
                assertEquals(2, p.pending(id), "both wait in the table");
            } finally {
                worker.start();
            }
            receiver.awaitAtLeast(2, SOON);
            await().atMost(SOON).until(() -> p.pending(id) == 0);
            assertEquals(
                    List.of("requested", "accepted"),
                    receiver.received.stream()
                            .map(r -> read(r.body()).path("data").path("status").asText())
                            .toList());
        }
    }

    /** Four claimers on their own transactions and connections, as four replicas would be. */
    @Test
    void concurrentClaimersNeverSendTwoDeliveriesOfOneSubscriptionAtOnce() throws Exception {
        Partner p = Partner.withService();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = (String) ((Map<?, ?>) p.register(receiver.url()).get("webhook")).get("id");
            worker.stop();
            try {
                Object referral = p.newReferral();
                p.move(referral, "accepted");
                p.move(referral, "in-progress");
                assertEquals(3, p.pending(id));
                ExecutorService replicas = Executors.newFixedThreadPool(4);
                List<Future<?>> runs = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    runs.add(replicas.submit(() -> {
                        while (p.pending(id) > 0) {
                            dispatch.deliverNext();
                        }
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(30, TimeUnit.SECONDS);
                }
                replicas.shutdown();
            } finally {
                worker.start();
            }
            assertEquals(1, receiver.maxInFlight());
            assertEquals(
                    List.of("requested", "accepted", "in-progress"),
                    receiver.received.stream()
                            .map(r -> read(r.body()).path("data").path("status").asText())
                            .toList());
        }
    }

    @Test
    void aConnectionLostAfterTheSendMeansTheSameDeliveryIsSentAgain() {
        Partner p = Partner.withService();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = (String) ((Map<?, ?>) p.register(receiver.url()).get("webhook")).get("id");
            AtomicBoolean crashed = new AtomicBoolean();
            // while the first POST is being answered, the worker's database session dies: the attempt is never
            // recorded, the row lock goes with the session, and the delivery is still pending
            receiver.beforeAnswering = r -> {
                if (crashed.compareAndSet(false, true)) {
                    terminateWorkerSessions();
                }
            };
            p.newReferral();

            List<WebhookReceiver.Received> got = receiver.awaitAtLeast(2, SOON);
            await().atMost(SOON).until(() -> p.pending(id) == 0);
            assertEquals(got.get(0).id(), got.get(1).id(), "sent again with the same webhook-id");
            assertEquals(got.get(0).body(), got.get(1).body(), "and the same body");
            given().auth()
                    .oauth2(p.token())
                    .get("/api/v1/referrals/webhooks/{id}/deliveries", id)
                    .then()
                    .statusCode(200)
                    .body("totalItems", equalTo(1))
                    .body("items[0].state", equalTo("delivered"));
        }
    }

    private String studentRefOf(String referralId) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery(
                        "SELECT student_ref FROM referral WHERE id = '" + UUID.fromString(referralId) + "'")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void terminateWorkerSessions() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                    + " AND state = 'idle in transaction' AND query LIKE '%webhook_%'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A partner organization with one housing service and an agreement on an auto-dispatching board of its own. */
    static final class Partner {
        final Fixtures board = Fixtures.newBoard();
        final UUID org;

        private Partner() {
            board.settings("auto", false);
            org = board.partnerWithService(
                    "Hooked " + UUID.randomUUID(), List.of("housing"), 9, List.of("screening-summary"));
            board.awaitPartners(1, 1);
        }

        static Partner withService() {
            return new Partner();
        }

        String token() {
            return Fixtures.partner(org);
        }

        Map<String, Object> register(String url) {
            return given().auth()
                    .oauth2(token())
                    .contentType("application/json")
                    .body(Map.of("url", url, "description", "case system"))
                    .post("/api/v1/referrals/webhooks")
                    .then()
                    .statusCode(201)
                    .header("Location", containsString("/api/v1/referrals/webhooks/"))
                    .extract()
                    .jsonPath()
                    .getMap("$");
        }

        /** A flagged student dispatched automatically to this partner: its "requested" is the first event. */
        Object newReferral() {
            ScreeningFlagged flagged = board.flag("ref-" + UUID.randomUUID(), List.of("housing"), 2);
            Object caseId = board.awaitCase(flagged).get("id");
            await().atMost(SOON).until(() -> board.referralsOf(caseId).size() == 1);
            return board.referralsOf(caseId).get(0).get("id");
        }

        void move(Object referral, String status, String... details) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("status", status));
            for (int i = 0; i + 1 < details.length; i += 2) {
                body.put(details[i], details[i + 1]);
            }
            board.transition(token(), referral, Fixtures.etag(token(), referral), body)
                    .statusCode(200);
        }

        Map<String, Object> webhook(String id) {
            return given().auth()
                    .oauth2(token())
                    .get("/api/v1/referrals/webhooks/{id}", id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("$");
        }

        int pending(String id) {
            return ((Number) webhook(id).get("pendingDeliveries")).intValue();
        }
    }
}
