package org.bridgeway.screening.messaging;

import static org.awaitility.Awaitility.await;
import static org.bridgeway.screening.Fixtures.board;
import static org.bridgeway.screening.Fixtures.enrolOne;
import static org.bridgeway.screening.Fixtures.screening;
import static org.bridgeway.screening.Fixtures.severeAnswers;
import static org.bridgeway.screening.Fixtures.submit;
import static org.bridgeway.screening.Fixtures.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.events.CaseClosed;
import org.bridgeway.events.CloudEvents;
import org.bridgeway.events.ReferralStatusChanged;
import org.bridgeway.events.Topics;
import org.bridgeway.screening.Db;
import org.bridgeway.screening.Fixtures.Student;
import org.bridgeway.testing.TestKafka;
import org.junit.jupiter.api.Test;

/** The loop closes: referral-service's status events show on the flagged screening, once each, poison aside. */
@QuarkusTest
class ReferralLoopTest {

    private static final String CONSUMER = "screening-service/referral-events";

    @Test
    void referralStatusesShowOnTheScreeningAndARedeliveredEventChangesNothing() {
        String board = board();
        Student student = enrolOne(board, "s1");
        String screening = submit(board, student, severeAnswers());
        String marker = submit(board, student, severeAnswers());
        Referral referral = new Referral(board, student.studentRef(), UUID.fromString(screening));
        Instant requestedAt = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Instant acceptedAt = requestedAt.plus(26, ChronoUnit.HOURS);

        String requested = TestKafka.publishEvent(
                TestKafka.newEventId(), referral.key(), referral.status("requested", requestedAt));
        awaitScreening(board, screening, s -> "requested".equals(s.getString("referral.status")));
        JsonPath afterRequest = screening(board, screening);
        assertEquals(requestedAt, Instant.parse(afterRequest.getString("referral.referredAt")));
        assertNull(afterRequest.get("referral.acceptedAt"));

        TestKafka.publishEvent(TestKafka.newEventId(), referral.key(), referral.status("accepted", acceptedAt));
        awaitScreening(board, screening, s -> "accepted".equals(s.getString("referral.status")));
        JsonPath accepted = screening(board, screening);
        assertEquals(acceptedAt, Instant.parse(accepted.getString("referral.acceptedAt")));
        assertEquals(requestedAt, Instant.parse(accepted.getString("referral.referredAt")));
        assertEquals(acceptedAt, Instant.parse(accepted.getString("referral.updatedAt")));

        // Redeliveries of the 'requested' event: the original, and one whose payload would win if it were applied
        // (a later timestamp). Both carry the id already processed, so neither changes anything.
        TestKafka.publishEvent(requested, referral.key(), referral.status("requested", requestedAt));
        TestKafka.publishEvent(
                requested, referral.key(), referral.status("requested", acceptedAt.plus(1, ChronoUnit.HOURS)));
        // A later event on the same key (same partition, consumed in order) tells us the duplicates were consumed.
        Referral markerReferral = new Referral(board, student.studentRef(), UUID.fromString(marker));
        TestKafka.publishEvent(TestKafka.newEventId(), referral.key(), markerReferral.status("requested", acceptedAt));
        awaitScreening(board, marker, s -> "requested".equals(s.getString("referral.status")));

        JsonPath after = screening(board, screening);
        assertEquals(accepted.getMap("referral"), after.getMap("referral"));
        assertEquals(accepted.getMap("review"), after.getMap("review"));
        assertEquals(
                1,
                Db.number(
                        "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                        CONSUMER,
                        requested));
    }

    @Test
    void completedAndClosedCasesCloseTheLoop() {
        String board = board();
        Student student = enrolOne(board, "s1");
        String screening = submit(board, student, severeAnswers());
        Referral referral = new Referral(board, student.studentRef(), UUID.fromString(screening));
        Instant t = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);

        TestKafka.publishEvent(TestKafka.newEventId(), referral.key(), referral.status("requested", t));
        TestKafka.publishEvent(
                TestKafka.newEventId(), referral.key(), referral.status("accepted", t.plus(1, ChronoUnit.DAYS)));
        TestKafka.publishEvent(
                TestKafka.newEventId(), referral.key(), referral.status("completed", t.plus(3, ChronoUnit.DAYS)));
        awaitScreening(board, screening, s -> "completed".equals(s.getString("referral.status")));
        assertEquals(
                t.plus(3, ChronoUnit.DAYS),
                Instant.parse(screening(board, screening).getString("referral.completedAt")));

        TestKafka.publishEvent(
                TestKafka.newEventId(),
                referral.key(),
                new CaseClosed(
                        referral.caseId(),
                        UUID.fromString(screening),
                        student.studentRef(),
                        board,
                        "housed",
                        t.plus(4, ChronoUnit.DAYS)));
        awaitScreening(board, screening, s -> "closed:housed".equals(s.getString("referral.status")));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String board = board();
        Student student = enrolOne(board, "s1");
        String screening = submit(board, student, severeAnswers());
        String poisonKey = "poison-" + tag();

        // not a CloudEvent at all (no ce_id, no ce_type)
        TestKafka.publish(Topics.REFERRAL, poisonKey, "{\"hello\": \"" + poisonKey + "\"}", Map.of());
        // a CloudEvent whose data does not match its type
        TestKafka.publish(
                Topics.REFERRAL,
                poisonKey,
                "this is not json " + poisonKey,
                Map.of(
                        CloudEvents.HEADER_SPEC_VERSION,
                        "1.0",
                        CloudEvents.HEADER_ID,
                        TestKafka.newEventId(),
                        CloudEvents.HEADER_SOURCE,
                        "/bridgeway/referral-service",
                        CloudEvents.HEADER_TYPE,
                        "org.bridgeway.referral.ReferralStatusChanged.v1"));

        Predicate<ConsumerRecord<String, String>> ours =
                r -> r.value() != null && r.value().contains(poisonKey);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> TestKafka.readToEnd(Topics.deadLetter(Topics.REFERRAL)).stream()
                                .filter(ours)
                                .count()
                        == 2);
        List<ConsumerRecord<String, String>> dead = TestKafka.readToEnd(Topics.deadLetter(Topics.REFERRAL)).stream()
                .filter(ours)
                .toList();
        dead.forEach(r -> assertEquals(poisonKey, r.key()));
        dead.forEach(r -> assertNotNull(TestKafka.header(r, "dead-letter-reason"), TestKafka.headersText(r)));
        dead.forEach(r -> assertEquals(Topics.REFERRAL, TestKafka.header(r, "dead-letter-topic")));

        // the consumer was not stopped by them
        Referral referral = new Referral(board, student.studentRef(), UUID.fromString(screening));
        TestKafka.publishEvent(TestKafka.newEventId(), referral.key(), referral.status("requested", Instant.now()));
        awaitScreening(board, screening, s -> "requested".equals(s.getString("referral.status")));
        assertFalse(dead.isEmpty());
    }

    private static void awaitScreening(String board, String id, Predicate<JsonPath> condition) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> condition.test(screening(board, id)));
    }

    /** A referral of one screening as referral-service would announce it. */
    private record Referral(String board, String studentRef, UUID screeningId, UUID referralId, UUID caseId) {

        Referral(String board, String studentRef, UUID screeningId) {
            this(board, studentRef, screeningId, UUID.randomUUID(), UUID.randomUUID());
        }

        String key() {
            return studentRef;
        }

        ReferralStatusChanged status(String status, Instant at) {
            return new ReferralStatusChanged(
                    referralId,
                    caseId,
                    screeningId,
                    studentRef,
                    board,
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    status,
                    null,
                    at);
        }
    }
}
