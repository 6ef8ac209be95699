package org.bridgeway.partner.messaging;

import static org.bridgeway.partner.Fixtures.organization;
import static org.bridgeway.partner.Fixtures.service;
import static org.bridgeway.partner.Fixtures.serviceBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.events.CloudEvents;
import org.bridgeway.events.Topics;
import org.bridgeway.testing.TestKafka;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay is woken by the commit that wrote an event, not by its poll: with the poll an hour
 * apart, only the wake-up can publish these events. (How soon is measured in bench/, not asserted here.)
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.HourlyPoll.class)
class OutboxWakeUpTest {

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bridgeway.outbox.poll-interval", "1h");
        }
    }

    @Test
    void eachCommitThatWroteAnEventWakesTheRelay() {
        String organization = organization("Wake-up");
        String first = service(serviceBody(organization, "First after commit", List.of("housing")));
        String second = service(serviceBody(organization, "Second after commit", List.of("housing")));
        Set<String> subjects = Set.of(first, second);

        List<ConsumerRecord<String, String>> published = TestKafka.readUntil(
                Topics.PARTNER,
                Duration.ofSeconds(60),
                read -> ofThese(read, subjects).size() == subjects.size());

        assertEquals(
                Map.of(first, 1L, second, 1L),
                TestKafka.countBySubject(ofThese(published, subjects)),
                "each service's event published once, without a poll");
    }

    private static List<ConsumerRecord<String, String>> ofThese(
            List<ConsumerRecord<String, String>> records, Set<String> subjects) {
        return records.stream()
                .filter(r -> subjects.contains(TestKafka.header(r, CloudEvents.HEADER_SUBJECT)))
                .toList();
    }
}
