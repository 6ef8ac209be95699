package org.bridgeway.screening.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.screening.domain.scoring.DomainScore;

/** A screening as its readers see it: the result as scored, the review and the referral's progress, if any. */
public record ScreeningDetails(
        UUID id,
        String studentRef,
        String schoolId,
        Integer grade,
        String instrument,
        int version,
        LocalDate administeredOn,
        List<DomainScore> domains,
        boolean flagged,
        int suggestedTier,
        List<String> needs,
        Review review,
        ReferralProgress referral,
        Instant createdAt) {

    public record Review(
            String decision, Integer tier, String notes, Boolean knownToStaff, String reviewedBy, Instant reviewedAt) {}

    public record ReferralProgress(
            String status, Instant updatedAt, Instant referredAt, Instant acceptedAt, Instant completedAt) {}
}
