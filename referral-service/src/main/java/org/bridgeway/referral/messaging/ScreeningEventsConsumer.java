package org.bridgeway.referral.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.events.EventType;
import org.bridgeway.events.ScreeningFlagged;
import org.bridgeway.platform.inbox.Inbox;
import org.bridgeway.referral.domain.CaseService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Opens a case per ScreeningFlagged. The event id is recorded in the same transaction as the case,
 * so a redelivery after a crash or restart is recognised; unreadable records go to the DLQ.
 */
@ApplicationScoped
public class ScreeningEventsConsumer {

    static final String CONSUMER = "referral-service/screening-events";

    private final Inbox inbox;
    private final CaseService cases;

    ScreeningEventsConsumer(Inbox inbox, CaseService cases) {
        this.inbox = inbox;
        this.cases = cases;
    }

    @Incoming("screening-events")
    @Blocking
    @Transactional
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.firstDelivery(CONSUMER, record)
                .filter(event -> event.knownType().orElse(null) == EventType.SCREENING_FLAGGED)
                .ifPresent(event -> cases.open(event.payload(ScreeningFlagged.class)));
    }
}
