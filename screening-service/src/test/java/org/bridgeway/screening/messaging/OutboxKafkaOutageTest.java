package org.bridgeway.screening.messaging;

import static org.awaitility.Awaitility.await;
import static org.bridgeway.screening.Fixtures.board;
import static org.bridgeway.screening.Fixtures.calmAnswers;
import static org.bridgeway.screening.Fixtures.enrol;
import static org.bridgeway.screening.Fixtures.severeAnswers;
import static org.bridgeway.screening.Fixtures.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.events.CloudEvents;
import org.bridgeway.events.Topics;
import org.bridgeway.screening.Db;
import org.bridgeway.screening.Fixtures.Student;
import org.bridgeway.testing.TestInfra;
import org.bridgeway.testing.TestKafka;
import org.junit.jupiter.api.Test;

/** Nothing is lost while Kafka is down, nothing is published twice when it is back, and no identity leaves. */
@QuarkusTest
class OutboxKafkaOutageTest {

    private static final int FLAGGED = 12;
    private static final int CALM = 8;
    private static final String FLAGGED_TYPE = "org.bridgeway.screening.ScreeningFlagged.v1";

    @Test
    void flaggedScreeningsSubmittedDuringAnOutageArePublishedExactlyOnceAfterIt() throws Exception {
        String board = board();
        List<Student> students = enrol(board, "s1", 9, FLAGGED + CALM);
        Map<String, String> refOfFlagged = new HashMap<>();
        Set<String> calm = new HashSet<>();

        TestInfra.kafka().stop();
        try {
            for (int i = 0; i < students.size(); i++) {
                boolean severe = i < FLAGGED;
                String id = submit(board, students.get(i), severe ? severeAnswers() : calmAnswers());
                if (severe) {
                    refOfFlagged.put(id, students.get(i).studentRef());
                } else {
                    calm.add(id);
                }
            }
            // give the relay several attempts against the stopped broker: the rows must stay unpublished
            Thread.sleep(1_500);
            assertEquals(
                    FLAGGED,
                    Db.number(
                            "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND subject = ANY (?)",
                            Db.array(refOfFlagged.keySet())));
            assertEquals(0, Db.number("SELECT count(*) FROM outbox_event WHERE subject = ANY (?)", Db.array(calm)));
        } finally {
            TestInfra.kafka().start();
        }
        Set<String> flagged = refOfFlagged.keySet();

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Db.number(
                                "SELECT count(*) FROM outbox_event WHERE published_at IS NOT NULL AND subject = ANY (?)",
                                Db.array(flagged))
                        == FLAGGED);

        List<ConsumerRecord<String, String>> all = TestKafka.readToEnd(Topics.SCREENING);
        List<ConsumerRecord<String, String>> ours = new ArrayList<>();
        for (ConsumerRecord<String, String> record : all) {
            String subject = TestKafka.header(record, CloudEvents.HEADER_SUBJECT);
            if (flagged.contains(subject) || calm.contains(subject)) {
                ours.add(record);
            }
        }
        Map<String, Long> perScreening = TestKafka.countBySubject(ours);
        assertEquals(flagged, perScreening.keySet(), "one event per flagged screening, none for calm ones");
        perScreening.forEach((id, count) -> assertEquals(1L, count, "events for screening " + id));

        for (ConsumerRecord<String, String> record : ours) {
            assertEquals(FLAGGED_TYPE, TestKafka.header(record, CloudEvents.HEADER_TYPE));
            assertEquals("1.0", TestKafka.header(record, CloudEvents.HEADER_SPEC_VERSION));
            assertEquals("/bridgeway/screening-service", TestKafka.header(record, CloudEvents.HEADER_SOURCE));
            assertNotNull(TestKafka.header(record, CloudEvents.HEADER_ID));
            assertNotNull(TestKafka.header(record, CloudEvents.HEADER_TIME));
            JsonNode data = TestKafka.data(record);
            assertEquals(
                    TestKafka.header(record, CloudEvents.HEADER_SUBJECT),
                    data.path("screeningId").asText());
            assertEquals(
                    refOfFlagged.get(data.path("screeningId").asText()),
                    record.key(),
                    "the record key is the studentRef");
            assertEquals(record.key(), data.path("studentRef").asText());
            assertEquals(board, data.path("boardId").asText());
            Set<String> fields = TestKafka.fieldNames(data);
            for (String forbidden : List.of("givenName", "familyName", "dateOfBirth", "sisStudentId", "answers")) {
                assertFalse(fields.contains(forbidden), forbidden + " in " + record.value());
            }
            String everything = record.value() + "\n" + TestKafka.headersText(record) + "\n" + record.key();
            for (Student student : students) {
                for (String identity : List.of(
                        student.givenName(), student.familyName(), student.sisStudentId(), student.dateOfBirth())) {
                    assertFalse(everything.contains(identity), "identity '" + identity + "' leaked in " + everything);
                }
            }
        }
        assertTrue(TestKafka.fieldNames(TestKafka.data(ours.get(0)))
                .containsAll(Set.of("domainBands", "needs", "suggestedTier")));
    }
}
