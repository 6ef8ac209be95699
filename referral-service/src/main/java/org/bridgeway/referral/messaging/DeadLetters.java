package org.bridgeway.referral.messaging;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bridgeway.events.Topics;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends a poison record to {@code <topic>.dlq} with its original key and headers and the reason, and
 * waits for the broker's acknowledgement before the consumer moves past it.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String ORIGIN = "dead-letter-origin";

    private final MutinyEmitter<String> emitter;

    DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void send(ConsumerRecord<String, String> record, String reason) {
        Log.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(new RecordHeader(REASON, utf8(reason)));
        headers.add(new RecordHeader(ORIGIN, utf8(record.topic() + "-" + record.partition() + "@" + record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.deadLetter(record.topic()))
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        emitter.sendMessageAndAwait(
                Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata));
    }

    private static byte[] utf8(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }
}
