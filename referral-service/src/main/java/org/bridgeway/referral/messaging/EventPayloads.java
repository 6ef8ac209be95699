package org.bridgeway.referral.messaging;

import java.util.Set;
import org.bridgeway.events.AgreementChanged;
import org.bridgeway.events.CapacityChanged;
import org.bridgeway.events.ConsentChanged;
import org.bridgeway.events.EventType;
import org.bridgeway.events.ScreeningFlagged;
import org.bridgeway.events.ScreeningReviewed;
import org.bridgeway.events.ServiceUpserted;
import org.bridgeway.platform.inbox.IncomingEvent;
import org.bridgeway.platform.messaging.PoisonMessage;

/** Reads and validates the payloads referral-service uses; anything else it ignores. */
final class EventPayloads {

    private static final Set<EventType> USED = Set.of(
            EventType.SCREENING_FLAGGED,
            EventType.SCREENING_REVIEWED,
            EventType.CONSENT_CHANGED,
            EventType.SERVICE_UPSERTED,
            EventType.CAPACITY_CHANGED,
            EventType.AGREEMENT_CHANGED);

    private EventPayloads() {}

    /** @return the validated payload, or null for an event type this service does not use */
    static Object decode(IncomingEvent event) {
        EventType type = event.knownType().orElse(null);
        if (type == null || !USED.contains(type)) {
            return null;
        }
        Object payload = event.payload(type.payload());
        String missing = missing(payload);
        if (missing != null) {
            throw new PoisonMessage(type.name() + " " + event.id() + " lacks " + missing);
        }
        return payload;
    }

    private static String missing(Object payload) {
        if (payload instanceof ScreeningFlagged f) {
            return f.screeningId() == null
                    ? "screeningId"
                    : f.studentRef() == null
                            ? "studentRef"
                            : f.boardId() == null ? "boardId" : f.schoolId() == null ? "schoolId" : null;
        }
        if (payload instanceof ScreeningReviewed r) {
            return r.screeningId() == null ? "screeningId" : r.decision() == null ? "decision" : null;
        }
        if (payload instanceof ConsentChanged c) {
            return c.studentRef() == null
                    ? "studentRef"
                    : c.boardId() == null
                            ? "boardId"
                            : c.status() == null ? "status" : c.changedAt() == null ? "changedAt" : null;
        }
        if (payload instanceof ServiceUpserted s) {
            return s.serviceId() == null
                    ? "serviceId"
                    : s.organizationId() == null
                            ? "organizationId"
                            : s.name() == null
                                    ? "name"
                                    : s.status() == null ? "status" : s.updatedAt() == null ? "updatedAt" : null;
        }
        if (payload instanceof CapacityChanged c) {
            return c.serviceId() == null ? "serviceId" : c.updatedAt() == null ? "updatedAt" : null;
        }
        if (payload instanceof AgreementChanged a) {
            return a.agreementId() == null
                    ? "agreementId"
                    : a.organizationId() == null
                            ? "organizationId"
                            : a.boardId() == null
                                    ? "boardId"
                                    : a.validFrom() == null
                                            ? "validFrom"
                                            : a.status() == null
                                                    ? "status"
                                                    : a.updatedAt() == null ? "updatedAt" : null;
        }
        return null;
    }
}
