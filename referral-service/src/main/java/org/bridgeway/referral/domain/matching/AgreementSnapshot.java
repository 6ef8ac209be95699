package org.bridgeway.referral.domain.matching;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A data-sharing agreement between a partner organization and a board; {@code validTo} is inclusive. */
public record AgreementSnapshot(
        UUID agreementId,
        UUID organizationId,
        String boardId,
        Set<String> scopes,
        LocalDate validFrom,
        LocalDate validTo,
        String status) {

    public static final String SCREENING_SUMMARY = "screening-summary";
    public static final String IDENTITY = "identity";

    public AgreementSnapshot {
        scopes = Set.copyOf(scopes);
    }

    public boolean inForceOn(LocalDate day) {
        return "active".equals(status) && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean covers(Set<String> required) {
        return scopes.containsAll(required);
    }
}
