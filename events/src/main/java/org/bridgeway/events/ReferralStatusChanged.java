package org.bridgeway.events;

import java.time.Instant;
import java.util.UUID;

/** A referral moved to another FHIR-Task-like status; {@code reason} is set on rejection. */
public record ReferralStatusChanged(
        UUID referralId,
        UUID caseId,
        UUID screeningId,
        String studentRef,
        String boardId,
        UUID organizationId,
        UUID serviceId,
        String status,
        String reason,
        Instant changedAt) {
}
