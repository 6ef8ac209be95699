package org.bridgeway.screening.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bridgeway.events.CaseClosed;
import org.bridgeway.events.ReferralStatusChanged;
import org.bridgeway.platform.messaging.ResilientConsumer;
import org.bridgeway.platform.messaging.ResilientConsumer.Decoded;
import org.bridgeway.screening.domain.ScreeningService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Closes the loop, a poll at a time: each flagged screening shows its referral's status. Idempotent by event
 * id; poison goes to {@code referral.events.dlq}, a database outage is waited out (platform's
 * {@link ResilientConsumer}).
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    static final String CONSUMER = "screening-service/referral-events";

    private final ResilientConsumer consumer;
    private final ScreeningService screenings;

    ReferralEventsConsumer(ResilientConsumer consumer, ScreeningService screenings) {
        this.consumer = consumer;
        this.screenings = screenings;
    }

    @Incoming("referral-events")
    @Blocking
    public void onEvents(ConsumerRecords<String, String> records) {
        consumer.consume(CONSUMER, records, ReferralEventPayloads::decode, this::apply);
    }

    private void apply(List<Decoded> events) {
        for (Decoded event : events) {
            if (event.payload() instanceof ReferralStatusChanged status) {
                screenings.referralStatusChanged(status);
            } else if (event.payload() instanceof CaseClosed closed) {
                screenings.caseClosed(closed.screeningId(), closed.outcome(), closed.closedAt());
            }
        }
    }
}
