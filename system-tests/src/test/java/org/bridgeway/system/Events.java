package org.bridgeway.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.events.Topics;
import org.bridgeway.testing.TestKafka;

/** Counts the suite's events on its broker, to prove nothing lost and nothing doubled end to end. */
final class Events {

    private Events() {}

    /** ScreeningFlagged events per screening id, for the given screenings only. */
    static Map<String, Integer> flagged(String bootstrapServers, Set<String> screeningIds) {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, String> record : TestKafka.readToEnd(bootstrapServers, Topics.SCREENING)) {
            JsonNode data = data(record);
            String id = data.path("screeningId").asText();
            if (data.has("flaggedAt") && screeningIds.contains(id)) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Records on a topic whose key is one of the given keys. */
    static long withKey(String bootstrapServers, String topic, String key) {
        return TestKafka.readToEnd(bootstrapServers, topic).stream()
                .filter(r -> key.equals(r.key()))
                .count();
    }

    private static JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return Api.json(record.value());
        } catch (RuntimeException notJson) {
            return Api.json("{}");
        }
    }
}
