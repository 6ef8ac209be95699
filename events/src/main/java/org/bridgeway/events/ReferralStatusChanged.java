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

    /** The statuses a screening's referral progress records (the others change only its latest status). */
    public static final String REQUESTED = "requested";

    public static final String ACCEPTED = "accepted";
    public static final String COMPLETED = "completed";
}
