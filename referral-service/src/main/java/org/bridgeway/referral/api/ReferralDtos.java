package org.bridgeway.referral.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the referral endpoints take and answer. */
public final class ReferralDtos {

    private ReferralDtos() {}

    /** The screening summary a partner sees: needs, bands, tier, grade and age; never identity. */
    public record SummaryView(
            List<String> needs, Map<String, String> domainBands, int tier, Integer grade, Integer ageYears) {}

    public record ReferralView(
            UUID id,
            UUID caseId,
            String boardId,
            String schoolId,
            UUID serviceId,
            String serviceName,
            UUID organizationId,
            String organizationName,
            String need,
            Double score,
            String status,
            String reason,
            String outcome,
            String note,
            int version,
            Instant requestedAt,
            Instant dueAt,
            Instant acceptedAt,
            Instant finishedAt,
            boolean overdue,
            SummaryView summary,
            List<String> allowedTransitions) {}

    /**
     * {@code status} the state to move to; {@code reason} required to reject (at-capacity, not-eligible,
     * unable-to-contact, declined-by-family, other); {@code outcome} required to complete (service-provided,
     * partially-provided, not-provided).
     */
    public record TransitionInput(
            @NotBlank @Size(max = 40) String status,
            @Size(max = 2000) String note,
            @Size(max = 40) String reason,
            @Size(max = 40) String outcome) {}

    /** The student's identity, passed through from screening-service's audited disclosure; never stored here. */
    public record StudentIdentityView(
            String studentRef,
            String sisStudentId,
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            String schoolId,
            Integer grade) {}
}
