package org.bridgeway.referral;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.events.CloudEvents;
import org.bridgeway.events.EventType;
import org.bridgeway.events.ScreeningFlagged;
import org.bridgeway.events.Topics;
import org.bridgeway.testing.TestKafka;
import org.junit.jupiter.api.Test;

/**
 * Poison goes to the DLQ with its reason and the records behind it still flow; a transient database failure
 * (a lock held past lock_timeout, against the real PostgreSQL) is retried until it passes and never dead-lettered.
 */
@QuarkusTest
class ConsumerResilienceTest {

    static final String CONSUMER = "referral-service/screening-events";

    @Test
    void poisonIsDeadLetteredWithItsReasonAndLaterRecordsFlow() {
        Fixtures f = Fixtures.newBoard();
        String unreadable = "poison-" + UUID.randomUUID();
        TestKafka.publish(
                Topics.SCREENING, unreadable, "{this is not json", headers(unreadable, EventType.SCREENING_FLAGGED));
        String invalid = "invalid-" + UUID.randomUUID();
        TestKafka.publish(
                Topics.SCREENING, invalid, "{\"studentRef\":\"x\"}", headers(invalid, EventType.SCREENING_FLAGGED));
        String partnerPoison = "partner-poison-" + UUID.randomUUID();
        TestKafka.publish(Topics.PARTNER, partnerPoison, "[]", headers(partnerPoison, EventType.SERVICE_UPSERTED));
        ScreeningFlagged after = f.flag("ref-" + UUID.randomUUID(), List.of("housing"), 2);

        assertNotNull(f.awaitCase(after), "the record behind the poison is applied");
        var dead = TestKafka.readUntil(
                Topics.deadLetter(Topics.SCREENING),
                Duration.ofSeconds(30),
                read -> read.stream()
                                .filter(r -> unreadable.equals(r.key()) || invalid.equals(r.key()))
                                .count()
                        == 2);
        var poisoned =
                dead.stream().filter(r -> invalid.equals(r.key())).findFirst().orElseThrow();
        assertTrue(TestKafka.header(poisoned, "dead-letter-reason").contains("lacks screeningId"));
        assertEquals(1, dead.stream().filter(r -> unreadable.equals(r.key())).count());
        var partnerDead = TestKafka.readUntil(
                Topics.deadLetter(Topics.PARTNER),
                Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> partnerPoison.equals(r.key())));
        assertEquals(
                1,
                partnerDead.stream().filter(r -> partnerPoison.equals(r.key())).count());
    }

    @Test
    void aLockTimeoutIsRetriedNotDeadLettered() throws Exception {
        Fixtures f = Fixtures.newBoard();
        ScreeningFlagged flagged;
        int processedBefore = ReadModelProbe.processedCount(CONSUMER);
        try (Connection blocker = ReadModelProbe.connect()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // Every insert into referral_case now waits, and gives up after the test's lock_timeout of 1 s.
                lock.execute("LOCK TABLE referral_case IN ACCESS EXCLUSIVE MODE");
            }
            flagged = f.flag("ref-" + UUID.randomUUID(), List.of("housing"), 2);
            Thread.sleep(3500);
            assertEquals(
                    processedBefore,
                    ReadModelProbe.processedCount(CONSUMER),
                    "nothing applied while the table is locked");
            blocker.rollback();
        }
        assertNotNull(f.awaitCase(flagged), "applied once the lock is gone");
        var dead = TestKafka.readUntil(
                Topics.deadLetter(Topics.SCREENING),
                Duration.ofSeconds(3),
                read -> read.stream().anyMatch(r -> flagged.studentRef().equals(r.key())));
        assertTrue(
                dead.stream().noneMatch(r -> flagged.studentRef().equals(r.key())),
                "a transient failure is never dead-lettered");
    }

    @Test
    void anOlderServiceSnapshotNeverOverwritesANewerOne() {
        Fixtures f = Fixtures.newBoard();
        UUID org = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        f.service(org, service, "Version two", List.of("housing"), 5, 2);
        f.service(org, service, "Version one", List.of("housing"), 5, 1);
        f.service(org, UUID.randomUUID(), "Marker", List.of("housing"), 5, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> ReadModelProbe.servicesAt(f.school) == 2);
        assertEquals("Version two", ReadModelProbe.serviceName(service));
    }

    private static Map<String, String> headers(String id, EventType type) {
        return Map.of(
                CloudEvents.HEADER_ID,
                id,
                CloudEvents.HEADER_TYPE,
                type.type(),
                CloudEvents.HEADER_SPEC_VERSION,
                CloudEvents.SPEC_VERSION);
    }
}
