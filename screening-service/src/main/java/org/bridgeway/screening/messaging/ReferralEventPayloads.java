package org.bridgeway.screening.messaging;

import static org.bridgeway.platform.messaging.PoisonMessage.require;

import org.bridgeway.events.CaseClosed;
import org.bridgeway.events.EventType;
import org.bridgeway.events.ReferralStatusChanged;
import org.bridgeway.platform.inbox.IncomingEvent;

/** Reads and validates the referral events screening-service uses; any other type it ignores. */
final class ReferralEventPayloads {

    private ReferralEventPayloads() {}

    /**
     * @return the validated payload, or null for an event type this service does not use
     * @throws IllegalArgumentException for data that does not match its type or lacks what the loop needs
     */
    static Object decode(IncomingEvent event) {
        EventType type = event.knownType().orElse(null);
        String what = type + " " + event.id();
        if (type == EventType.REFERRAL_STATUS_CHANGED) {
            ReferralStatusChanged status = event.payload(ReferralStatusChanged.class);
            require(status.screeningId(), "screeningId", what);
            require(status.status(), "status", what);
            require(status.changedAt(), "changedAt", what);
            return status;
        }
        if (type == EventType.CASE_CLOSED) {
            CaseClosed closed = event.payload(CaseClosed.class);
            require(closed.screeningId(), "screeningId", what);
            require(closed.outcome(), "outcome", what);
            require(closed.closedAt(), "closedAt", what);
            return closed;
        }
        return null;
    }
}
