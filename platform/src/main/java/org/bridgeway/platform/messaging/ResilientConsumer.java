package org.bridgeway.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.platform.database.TransientFailures;
import org.bridgeway.platform.inbox.Inbox;
import org.bridgeway.platform.inbox.IncomingEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies a poll's records in one transaction, each event id recorded in the inbox with its effect.
 * Poison records (not decodable, not valid) go to the dead-letter topic before the batch is applied.
 * A transient failure ({@link TransientFailures}) is retried with backoff for as long as it lasts, holding
 * the partition (the channel commits no offset past a record it has not finished), and never dead-letters
 * anything. Any other failure falls back to one record per transaction, so only the record that cannot be
 * applied is dead-lettered and the rest flow on. A dead letter the broker does not take is sent again until
 * it does: a record is never skipped without being in its {@code .dlq}.
 *
 * <p>The channel must read a poll at a time ({@code batch=true}), with {@code failure-strategy=fail} and
 * {@code throttled.unprocessed-record-max-age.ms=0} (a record held through a long outage is not a stuck
 * consumer).
 */
@ApplicationScoped
public class ResilientConsumer {

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final Backoff defaultBackoff;
    private final MeterRegistry registry;

    ResilientConsumer(
            Inbox inbox,
            DeadLetters deadLetters,
            MeterRegistry registry,
            @ConfigProperty(name = "bridgeway.consumer.first-backoff", defaultValue = "100ms") Duration firstBackoff,
            @ConfigProperty(name = "bridgeway.consumer.max-backoff", defaultValue = "5s") Duration maxBackoff) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.defaultBackoff = new Backoff(firstBackoff, maxBackoff);
    }

    /** A record read as a CloudEvent with its validated payload. */
    public record Decoded(ConsumerRecord<String, String> record, IncomingEvent event, Object payload) {}

    /** {@link #consume(String, Backoff, Iterable, Function, Consumer)} with {@code bridgeway.consumer.*} backoff. */
    public void consume(
            String consumer,
            Iterable<ConsumerRecord<String, String>> records,
            Function<IncomingEvent, Object> decoder,
            Consumer<List<Decoded>> apply) {
        consume(consumer, defaultBackoff, records, decoder, apply);
    }

    /**
     * @param consumer the inbox's name for this consumer
     * @param decoder  the payload of an event, null for a type this consumer does not use; throws
     *                 {@link IllegalArgumentException} (such as {@link PoisonMessage}) for a poison record
     * @param apply    applies the first deliveries, in order, inside the transaction
     */
    public void consume(
            String consumer,
            Backoff backoff,
            Iterable<ConsumerRecord<String, String>> records,
            Function<IncomingEvent, Object> decoder,
            Consumer<List<Decoded>> apply) {
        List<Decoded> decoded = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent event = IncomingEvent.of(record);
                Object payload = decoder.apply(event);
                if (payload != null) {
                    decoded.add(new Decoded(record, event, payload));
                }
            } catch (IllegalArgumentException poison) {
                deadLetter(consumer, backoff, record, poison.getMessage());
            }
        }
        if (decoded.isEmpty()) {
            return;
        }
        RuntimeException failure = retried(consumer, backoff, () -> applyOnce(consumer, decoded, apply));
        if (failure == null) {
            return;
        }
        Log.warnf("%s: batch of %d failed (%s); applying one by one", consumer, decoded.size(), failure.getMessage());
        for (Decoded one : decoded) {
            RuntimeException alone = retried(consumer, backoff, () -> applyOnce(consumer, List.of(one), apply));
            if (alone != null) {
                deadLetter(consumer, backoff, one.record(), "cannot be applied: " + alone.getMessage());
            }
        }
    }

    private void applyOnce(String consumer, List<Decoded> decoded, Consumer<List<Decoded>> apply) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Decoded> fresh = new ArrayList<>(decoded.size());
            for (Decoded d : decoded) {
                if (inbox.firstDelivery(consumer, d.event().id())) {
                    fresh.add(d);
                }
            }
            if (!fresh.isEmpty()) {
                apply.accept(fresh);
            }
        });
    }

    private RuntimeException retried(String consumer, Backoff backoff, Runnable work) {
        return Retries.run(backoff, consumer, TransientFailures::isTransient, () -> retries(consumer), work);
    }

    /** Until the broker acknowledged it, whatever the failure: skipping a poison record must not lose it. */
    private void deadLetter(String consumer, Backoff backoff, ConsumerRecord<String, String> record, String reason) {
        Retries.run(
                backoff,
                consumer + " dead letter",
                failure -> true,
                () -> retries(consumer),
                () -> deadLetters.send(record, reason));
    }

    private void retries(String consumer) {
        Counter.builder("bridgeway.consumer.retries")
                .description("transient failures a consumer waited out, holding its partition")
                .tag("consumer", consumer)
                .register(registry)
                .increment();
    }
}
