package org.bridgeway.referral;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.events.CloudEvents;
import org.bridgeway.events.EventType;
import org.bridgeway.events.Topics;
import org.bridgeway.testing.TestKafka;
import org.junit.jupiter.api.Test;

/** Two accepts from the same ETag: exactly one wins. Every transition reaches referral.events for screening-service. */
@QuarkusTest
class ConcurrentTransitionsTest {

    @Test
    void twoConcurrentAcceptsOneWinsTheOtherIsStale() throws Exception {
        Fixtures f = Fixtures.newBoard();
        f.settings("auto", false);
        UUID org = f.partnerWithService("Contested", List.of("housing"), 5, List.of("screening-summary"));
        f.awaitPartners(1, 1);
        Object caseId = f.awaitCase(f.flag("ref-" + UUID.randomUUID(), List.of("housing"), 2))
                .get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> f.referralsOf(caseId).size() == 1);
        Object referral = f.referralsOf(caseId).get(0).get("id");
        String partner = Fixtures.partner(org);
        String etag = Fixtures.etag(partner, referral);

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return f.transition(partner, referral, etag, Map.of("status", "accepted"))
                        .extract()
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> call : calls) {
            statuses.add(call.get());
        }
        statuses.sort(Integer::compareTo);
        assertEquals(List.of(200, 412), statuses);
        assertEquals("\"2\"", Fixtures.etag(partner, referral));
    }

    @Test
    void statusChangesAndTheClosureArePublishedForScreening() {
        Fixtures f = Fixtures.newBoard();
        f.settings("auto", false);
        UUID org = f.partnerWithService("Loop", List.of("family-support"), 5, List.of("screening-summary"));
        f.awaitPartners(1, 1);
        var flagged = f.flag("ref-" + UUID.randomUUID(), List.of("family-support"), 2);
        Object caseId = f.awaitCase(flagged).get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> f.referralsOf(caseId).size() == 1);
        Object referral = f.referralsOf(caseId).get(0).get("id");
        String partner = Fixtures.partner(org);
        f.transition(partner, referral, Fixtures.etag(partner, referral), Map.of("status", "accepted"))
                .statusCode(200);
        f.transition(
                        partner,
                        referral,
                        Fixtures.etag(partner, referral),
                        Map.of("status", "completed", "outcome", "partially-provided"))
                .statusCode(200);

        List<ConsumerRecord<String, String>> records = TestKafka.readUntil(
                Topics.REFERRAL,
                Duration.ofSeconds(30),
                read -> read.stream()
                                .filter(r -> flagged.studentRef().equals(r.key()))
                                .count()
                        >= 4);
        List<ConsumerRecord<String, String>> ours = records.stream()
                .filter(r -> flagged.studentRef().equals(r.key()))
                .toList();
        List<String> types = ours.stream()
                .map(r -> TestKafka.header(r, CloudEvents.HEADER_TYPE))
                .toList();
        assertEquals(
                List.of(
                        EventType.REFERRAL_STATUS_CHANGED.type(),
                        EventType.REFERRAL_STATUS_CHANGED.type(),
                        EventType.REFERRAL_STATUS_CHANGED.type(),
                        EventType.CASE_CLOSED.type()),
                types);
        assertTrue(ours.get(0).value().contains("\"status\":\"requested\""));
        assertTrue(ours.get(0).value().contains("\"organizationId\":\"" + org + "\""));
        assertTrue(ours.get(3).value().contains("\"outcome\":\"partially-provided\""));
        assertTrue(ours.stream().noneMatch(r -> r.value().contains("givenName")), "no identity ever goes on Kafka");
    }
}
