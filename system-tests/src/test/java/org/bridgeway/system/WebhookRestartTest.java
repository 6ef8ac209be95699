package org.bridgeway.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bridgeway.devstack.Devstack;
import org.bridgeway.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * A partner's signed webhook through the whole suite: referral-service is killed (SIGKILL) while the
 * partner's endpoint still refuses, and restarted by the supervisor; afterwards every referral's status
 * change arrives, signed, and each under one webhook-id (at least once, never a second id for one event).
 */
class WebhookRestartTest {

    private static final int REFERRALS = 4;

    private final Devstack suite = Suite.get();
    private final Contract contract = Contract.of(suite);
    private final Api api = new Api(suite, contract);

    @Test
    void aKilledAndRestartedReferralServiceLosesNoDelivery() throws Exception {
        CountDownLatch endpointBack = new CountDownLatch(1);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // the partner's endpoint hangs (every attempt times out and is retried) until referral-service is back
            receiver.beforeAnswering = r -> await(endpointBack);
            JsonNode registered = Api.json(api.as(api.token("admin-webhooks", "admin", null))
                    .body(Map.of("organizationId", ReferredBoard.ORG, "url", receiver.url()))
                    .post("/api/v1/referrals/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .response());
            String secret = registered.path("secret").asText();

            ReferredBoard board = new ReferredBoard(api, "webhooks", REFERRALS);
            receiver.awaitAtLeast(1, Duration.ofSeconds(30));
            suite.supervise();
            long pid = suite.pid("referral-service");
            suite.crashService("referral-service");
            Ledger.FAULTS.incrementAndGet();
            Api.await(
                    "referral-service restarted by the supervisor",
                    Duration.ofSeconds(90),
                    () -> suite.pid("referral-service"),
                    p -> p != pid && p > 0);
            suite.awaitReady("referral-service");
            int answeredFrom = receiver.received.size();
            endpointBack.countDown();

            Set<String> referrals = new HashSet<>(board.referrals);
            Api.await(
                    "a 'requested' for every referral answered by the endpoint",
                    Duration.ofSeconds(120),
                    () -> requested(receiver.received.subList(answeredFrom, receiver.received.size()), referrals),
                    delivered -> delivered.equals(referrals));
            Map<String, Set<String>> idsByReferral = new HashMap<>();
            for (WebhookReceiver.Received r : List.copyOf(receiver.received)) {
                assertTrue(WebhookReceiver.verifies(secret, r), "every attempt is signed with the secret");
                JsonNode data = Api.json(r.body()).path("data");
                if (referrals.contains(data.path("referralId").asText())) {
                    idsByReferral
                            .computeIfAbsent(data.path("referralId").asText(), k -> new HashSet<>())
                            .add(r.id());
                }
            }
            assertEquals(referrals, idsByReferral.keySet(), "no referral's event lost");
            idsByReferral.forEach((referral, ids) ->
                    assertEquals(1, ids.size(), "one event, one webhook-id across retries, for " + referral));
            Ledger.EVENTS.addAndGet(REFERRALS);
            Ledger.SCENARIOS.incrementAndGet();
            contract.assertConforms("the webhook restart");
        } finally {
            endpointBack.countDown();
        }
    }

    /** The referrals whose 'requested' change is among these receipts. */
    private static Set<String> requested(List<WebhookReceiver.Received> receipts, Set<String> referrals) {
        Set<String> seen = new HashSet<>();
        for (WebhookReceiver.Received r : List.copyOf(receipts)) {
            JsonNode data = Api.json(r.body()).path("data");
            if (referrals.contains(data.path("referralId").asText())
                    && "requested".equals(data.path("status").asText())) {
                seen.add(data.path("referralId").asText());
            }
        }
        return seen;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
