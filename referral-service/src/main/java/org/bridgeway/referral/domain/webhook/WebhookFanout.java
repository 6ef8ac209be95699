package org.bridgeway.referral.domain.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.bridgeway.events.EventJson;
import org.bridgeway.events.EventType;
import org.bridgeway.events.ReferralStatusChanged;
import org.bridgeway.referral.domain.Access;
import org.bridgeway.referral.store.WebhookStore;

/**
 * Queues a referral's status change for every webhook of the organization it is addressed to, in the
 * transaction of the change: the delivery exists exactly when the change was committed, like its outbox event.
 */
@ApplicationScoped
public class WebhookFanout {

    private final WebhookStore store;

    WebhookFanout(WebhookStore store) {
        this.store = store;
    }

    /** @param eventId the outbox event's id, which becomes the CloudEvent {@code id} on Kafka and in the webhook */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(UUID eventId, ReferralStatusChanged event) {
        EventType type = EventType.REFERRAL_STATUS_CHANGED;
        // the partner knows the student by its own alias, as in the FHIR view, never by the board's studentRef
        ReferralStatusChanged forPartner = new ReferralStatusChanged(
                event.referralId(),
                event.caseId(),
                event.screeningId(),
                Access.partnerAlias(event.organizationId(), event.studentRef()),
                event.boardId(),
                event.organizationId(),
                event.serviceId(),
                event.status(),
                event.reason(),
                event.changedAt());
        store.enqueue(
                event.organizationId(),
                eventId,
                type.type(),
                type.source(),
                event.referralId().toString(),
                event.changedAt(),
                EventJson.write(forPartner),
                Instant.now());
    }
}
