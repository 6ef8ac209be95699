package org.bridgeway.partner.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Data-sharing agreements between a partner organization and a school board. */
public final class AgreementModel {

    public static final List<String> SCOPES = List.of("screening-summary", "identity", "contact");
    public static final List<String> STATUSES = List.of("draft", "active", "suspended", "ended");

    private AgreementModel() {}

    public record AgreementCommand(
            UUID organizationId,
            String boardId,
            List<String> scopes,
            LocalDate validFrom,
            LocalDate validTo,
            String status) {}

    /** What may change on an existing agreement; its organization and board never do. */
    public record AgreementChange(List<String> scopes, LocalDate validFrom, LocalDate validTo, String status) {}

    public record AgreementDetails(
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

    /** Filters of a listing; null = any. */
    public record AgreementQuery(String boardId, UUID organizationId, LocalDate inForceOn, String status) {}
}
