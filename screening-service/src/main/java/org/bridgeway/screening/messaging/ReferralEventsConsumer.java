package org.bridgeway.screening.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.events.CaseClosed;
import org.bridgeway.events.EventType;
import org.bridgeway.events.ReferralStatusChanged;
import org.bridgeway.platform.inbox.Inbox;
import org.bridgeway.platform.inbox.IncomingEvent;
import org.bridgeway.screening.domain.ScreeningService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Closes the loop: each flagged screening shows its referral's status. Idempotent by event id;
 * a record that is not a readable CloudEvent goes to {@code referral.events.dlq}.
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    static final String CONSUMER = "screening-service/referral-events";

    private final Inbox inbox;
    private final ScreeningService screenings;

    ReferralEventsConsumer(Inbox inbox, ScreeningService screenings) {
        this.inbox = inbox;
        this.screenings = screenings;
    }

    @Incoming("referral-events")
    @Blocking
    @Transactional
    public void onEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = inbox.firstDelivery(CONSUMER, record).orElse(null);
        if (event == null) {
            return;
        }
        EventType type = event.knownType().orElse(null);
        if (type == EventType.REFERRAL_STATUS_CHANGED) {
            screenings.referralStatusChanged(event.payload(ReferralStatusChanged.class));
        } else if (type == EventType.CASE_CLOSED) {
            CaseClosed closed = event.payload(CaseClosed.class);
            screenings.caseClosed(closed.screeningId(), closed.outcome(), closed.closedAt());
        }
    }
}
