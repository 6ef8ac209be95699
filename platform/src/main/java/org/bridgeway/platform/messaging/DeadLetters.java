package org.bridgeway.platform.messaging;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bridgeway.events.Topics;
import org.bridgeway.platform.outbox.RelayProducerSettings;

/**
 * Sends a poison record to {@code <topic>.dlq} with its original key, value and headers, plus where it came
 * from and why (the header names SmallRye's dead-letter strategy uses, so one replay tool reads both), and
 * waits for the broker's acknowledgement before the consumer moves past it.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Map<String, Object> kafkaConfig;
    private KafkaProducer<String, String> producer;

    DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /** @throws IllegalStateException when the broker did not acknowledge it (the caller retries) */
    public void send(ConsumerRecord<String, String> record, String reason) {
        Log.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON, utf8(reason));
        headers.add(TOPIC, utf8(record.topic()));
        headers.add(PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(OFFSET, utf8(Long.toString(record.offset())));
        ProducerRecord<String, String> dead =
                new ProducerRecord<>(Topics.deadLetter(record.topic()), null, record.key(), record.value(), headers);
        try {
            producer().send(dead).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the dead letter: " + e.getMessage(), e);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    RelayProducerSettings.of(kafkaConfig, "dead-letters"),
                    new StringSerializer(),
                    new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    private static byte[] utf8(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }
}
