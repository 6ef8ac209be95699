package org.bridgeway.screening.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

public final class DisclosureDtos {

    private DisclosureDtos() {}

    public record DisclosureRequest(
            @NotBlank @Size(max = 500) String purpose,
            @Size(max = 100) String referralId) {}

    public record Identity(
            String studentRef,
            String sisStudentId,
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            String schoolId,
            Integer grade) {}

    public record AuditView(
            long id,
            Instant at,
            String actor,
            String role,
            String action,
            String purpose,
            String studentRef,
            String detail) {}
}
