package org.bridgeway.screening.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.platform.validation.RecordDate;

public final class ScreeningDtos {

    private ScreeningDtos() {}

    /** One survey response, as the SIS sends it; the student by {@code studentRef} or {@code sisStudentId}. */
    public record ResponseInput(
            @NotBlank String instrument,
            @NotNull @Min(1) Integer version,
            String studentRef,
            String sisStudentId,
            @NotBlank String schoolId,
            @NotNull @RecordDate LocalDate administeredOn,
            @NotNull Map<String, Integer> answers) {}

    public record DomainResult(
            String domain,
            String label,
            Double score,
            String band,
            boolean complete,
            int answered,
            int items,
            List<String> drivers,
            List<String> needs) {}

    public record ReviewView(
            String decision, Integer tier, String notes, Boolean knownToStaff, String reviewedBy, Instant reviewedAt) {}

    public record ReferralView(
            String status, Instant updatedAt, Instant referredAt, Instant acceptedAt, Instant completedAt) {}

    public record ScreeningView(
            UUID id,
            String studentRef,
            String schoolId,
            Integer grade,
            String instrument,
            int version,
            LocalDate administeredOn,
            List<DomainResult> domains,
            boolean flagged,
            int suggestedTier,
            List<String> needs,
            ReviewView review,
            ReferralView referral,
            Instant createdAt) {}

    public record ReviewInput(
            @NotNull @Pattern(regexp = "confirm|dismiss", message = "must be confirm or dismiss")
            String decision,

            @Min(1) @Max(4) Integer tier,
            @Size(max = 4000) String notes,
            @NotNull Boolean knownToStaff) {}
}
