package org.bridgeway.partner.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class DirectoryDtos {

    private DirectoryDtos() {
    }

    public record OrganizationInput(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
            @Email String email, @Size(max = 500) String website) {
    }

    public record OrganizationView(UUID id, String name, String description, String email, String website, Instant createdAt) {
    }

    public record ServiceInput(
            @NotNull UUID organizationId,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @NotEmpty List<@NotBlank String> needs,
            @Min(0) @Max(30) Integer minAge,
            @Min(0) @Max(30) Integer maxAge,
            @Min(0) @Max(12) Integer minGrade,
            @Min(0) @Max(12) Integer maxGrade,
            @Size(max = 2000) String eligibility,
            List<@NotBlank String> languages,
            List<@NotBlank String> serviceAreas,
            @NotNull @Pattern(regexp = "active|inactive|temporarily-closed", message = "must be active, inactive or temporarily-closed") String status) {
    }

    public record ServiceView(UUID id, UUID organizationId, String name, String description, List<String> needs,
            Integer minAge, Integer maxAge, Integer minGrade, Integer maxGrade, String eligibility, List<String> languages,
            List<String> serviceAreas, String status, Instant updatedAt) {
    }
}
