package org.bridgeway.referral.domain;

import java.time.Instant;
import java.util.UUID;
import org.bridgeway.referral.store.AuditEntry;

/** One transition of a case or of one of its referrals. */
public record TimelineEntry(
        long id,
        Instant at,
        String action,
        UUID referralId,
        String fromStatus,
        String toStatus,
        String actor,
        String role,
        String note,
        String reason,
        String outcome) {

    static TimelineEntry of(AuditEntry e) {
        return new TimelineEntry(
                e.id,
                e.at,
                e.action,
                e.referralId,
                e.fromStatus,
                e.toStatus,
                e.actor,
                e.role,
                e.note,
                e.reason,
                e.outcome);
    }
}
