package org.bridgeway.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapping of event payloads, the same for producers and consumers. */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {}

    public static String write(Object payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }

    /** @throws IllegalArgumentException when the data does not match the payload record (a poison message) */
    public static <T> T read(String json, Class<T> payload) {
        try {
            return MAPPER.readValue(json, payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + payload.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
