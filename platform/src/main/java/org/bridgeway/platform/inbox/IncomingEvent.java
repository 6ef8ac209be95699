package org.bridgeway.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bridgeway.events.CloudEvents;
import org.bridgeway.events.EventJson;
import org.bridgeway.events.EventType;

/** A CloudEvent read off Kafka in binary mode. */
public record IncomingEvent(String id, String type, String key, String data) {

    /** @throws IllegalArgumentException when the record is not a CloudEvent (no id or type): a poison message */
    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEvents.HEADER_ID);
        String type = header(record, CloudEvents.HEADER_TYPE);
        if (id == null || type == null) {
            throw new IllegalArgumentException(
                    "not a CloudEvent: ce_id or ce_type missing at offset " + record.offset());
        }
        return new IncomingEvent(id, type, record.key(), record.value());
    }

    public Optional<EventType> knownType() {
        return EventType.ofType(type);
    }

    public <T> T payload(Class<T> payloadType) {
        return EventJson.read(data, payloadType);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
