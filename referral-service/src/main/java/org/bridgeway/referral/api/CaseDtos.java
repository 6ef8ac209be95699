package org.bridgeway.referral.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the case endpoints take and answer. */
public final class CaseDtos {

    private CaseDtos() {}

    public record CaseView(
            UUID id,
            UUID screeningId,
            String studentRef,
            String schoolId,
            Integer grade,
            Integer ageYears,
            int suggestedTier,
            Integer tier,
            List<String> needs,
            Map<String, String> domainBands,
            String status,
            boolean needsAttention,
            String closureOutcome,
            Instant openedAt,
            Instant validatedAt,
            Instant closedAt) {}

    public record ValidationInput(
            @NotNull @Pattern(regexp = "confirm|dismiss", message = "must be confirm or dismiss")
            String decision,

            @Min(0) @Max(4) Integer tier,
            @Size(max = 2000) String note) {}

    public record DispatchInput(
            UUID serviceId,
            @Size(max = 100) String need,
            @Size(max = 2000) String note) {}

    public record ClosureInput(
            @NotBlank
            @Pattern(
                    regexp = "service-provided|partially-provided|not-provided|monitoring-at-school"
                            + "|no-referral-needed|closed-by-coordinator|family-declined|moved-away",
                    message = "must be one of service-provided, partially-provided, not-provided, monitoring-at-school,"
                            + " no-referral-needed, closed-by-coordinator, family-declined, moved-away")
            String outcome,

            @Size(max = 2000) String note) {}

    public record TimelineEntryView(
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
            String outcome) {}

    public record ScoreView(double needCoverage, double serviceArea, double language, double capacity) {}

    public record CandidateView(
            int rank,
            UUID serviceId,
            String serviceName,
            UUID organizationId,
            String organizationName,
            double score,
            ScoreView components,
            List<String> coveredNeeds,
            Integer available,
            Integer maximum,
            String waitlist) {}

    public record ExcludedView(UUID serviceId, String serviceName, UUID organizationId, List<String> reasons) {}

    public record CandidatesView(
            UUID caseId,
            List<String> needs,
            List<CandidateView> candidates,
            List<ExcludedView> excluded,
            int servicesCoveringNoNeed) {}
}
