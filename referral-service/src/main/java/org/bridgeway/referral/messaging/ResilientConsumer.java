package org.bridgeway.referral.messaging;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.platform.inbox.Inbox;
import org.bridgeway.platform.inbox.IncomingEvent;
import org.bridgeway.referral.config.ReferralConfig;
import org.bridgeway.referral.domain.FailureKind;

/**
 * Applies a poll's records in one transaction, each event id recorded in the inbox with its effect.
 * Poison records (not decodable, not valid) go to the dead-letter topic before the batch is applied.
 * A transient failure (see {@link FailureKind}) is retried with backoff for as long as it lasts, holding
 * the partition, and never dead-letters anything. Any other failure falls back to one record per
 * transaction, so only the record that cannot be applied is dead-lettered and the rest flow on.
 */
@ApplicationScoped
public class ResilientConsumer {

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    ResilientConsumer(Inbox inbox, DeadLetters deadLetters, ReferralConfig config) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.firstBackoff = config.consumer().firstBackoff();
        this.maxBackoff = config.consumer().maxBackoff();
    }

    /** A record read as a CloudEvent with its validated payload. */
    public record Decoded(ConsumerRecord<String, String> record, IncomingEvent event, Object payload) {}

    /**
     * @param decoder the payload of an event, null for a type this consumer does not use;
     *                throws {@link IllegalArgumentException} for a poison record
     * @param apply   applies the first deliveries, in order, inside the transaction
     */
    public void consume(
            String consumer,
            List<ConsumerRecord<String, String>> records,
            Function<IncomingEvent, Object> decoder,
            Consumer<List<Decoded>> apply) {
        List<Decoded> decoded = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent event = IncomingEvent.of(record);
                Object payload = decoder.apply(event);
                if (payload != null) {
                    decoded.add(new Decoded(record, event, payload));
                }
            } catch (IllegalArgumentException poison) {
                deadLetters.send(record, poison.getMessage());
            }
        }
        if (decoded.isEmpty()) {
            return;
        }
        RuntimeException failure = withRetries(() -> applyOnce(consumer, decoded, apply));
        if (failure != null) {
            Log.warnf(
                    "batch of %d from %s failed (%s); applying one by one",
                    decoded.size(), consumer, failure.getMessage());
            for (Decoded one : decoded) {
                RuntimeException alone = withRetries(() -> applyOnce(consumer, List.of(one), apply));
                if (alone != null) {
                    deadLetters.send(one.record(), "cannot be applied: " + alone.getMessage());
                }
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

    /** @return null once the work succeeded; the failure when it is not transient */
    private RuntimeException withRetries(Runnable work) {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return null;
            } catch (RuntimeException e) {
                if (!FailureKind.isTransient(e)) {
                    return e;
                }
                Log.warnf(
                        "transient failure (attempt %d, next in %d ms), retrying: %s",
                        attempt, backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("consumer interrupted while waiting to retry", e);
        }
    }
}
