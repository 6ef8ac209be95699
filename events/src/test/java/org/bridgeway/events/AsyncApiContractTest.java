package org.bridgeway.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The published AsyncAPI document and the records the services compile against must not drift. */
class AsyncApiContractTest {

    @Test
    void everyEventIsDocumentedWithExactlyItsRecordFieldsOnItsTopic() throws Exception {
        JsonNode document;
        try (InputStream in = AsyncApiContractTest.class.getResourceAsStream("/asyncapi.yaml")) {
            document = new YAMLMapper().readTree(in);
        }
        for (EventType type : EventType.values()) {
            String name = type.payload().getSimpleName();
            JsonNode message = document.path("components").path("messages").path(name);
            assertNotNull(message, name);
            assertTrue(message.path("summary").asText().contains(type.type()), name + " names its ce_type");
            Set<String> documented = new TreeSet<>();
            message.path("payload").path("properties").fieldNames().forEachRemaining(documented::add);
            Set<String> compiled = new TreeSet<>(Arrays.stream(type.payload().getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList());
            assertEquals(compiled, documented, name + " fields");
            boolean onItsTopic = false;
            for (JsonNode channel : document.path("channels")) {
                if (channel.path("address").asText().equals(type.topic())
                        && channel.path("messages").has(name)) {
                    onItsTopic = true;
                }
            }
            assertTrue(onItsTopic, name + " is on " + type.topic());
        }
    }
}
