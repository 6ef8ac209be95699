package org.bridgeway.partner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of data-sharing agreements. */
public final class AgreementDtos {

    static final String SCOPE = "screening-summary|identity|contact";
    static final String STATUS = "draft|active|suspended|ended";
    private static final String SCOPE_MESSAGE = "must be screening-summary, identity or contact";
    private static final String STATUS_MESSAGE = "must be draft, active, suspended or ended";

    private AgreementDtos() {}

    public record AgreementInput(
            @NotNull UUID organizationId,

            @NotBlank
            @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1-64 letters, digits, '.', '_' or '-'")
            String boardId,

            @NotEmpty @Size(max = 3) List<@NotNull @Pattern(regexp = SCOPE, message = SCOPE_MESSAGE) String> scopes,
            @NotNull LocalDate validFrom,
            LocalDate validTo,

            @NotNull @Pattern(regexp = STATUS, message = STATUS_MESSAGE)
            String status) {}

    /** An agreement's organization and board never change; everything else may. */
    public record AgreementChangeInput(
            @NotEmpty @Size(max = 3) List<@NotNull @Pattern(regexp = SCOPE, message = SCOPE_MESSAGE) String> scopes,
            @NotNull LocalDate validFrom,
            LocalDate validTo,

            @NotNull @Pattern(regexp = STATUS, message = STATUS_MESSAGE)
            String status) {}

    public record AgreementView(
            UUID id,
            UUID organizationId,
            String organizationName,
            String boardId,
            List<String> scopes,
            LocalDate validFrom,
            LocalDate validTo,
            String status,
            long version,
            Instant createdAt,
            Instant updatedAt) {}
}
