package org.bridgeway.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A data-sharing agreement between a partner organization and a school board was created or changed.
 * {@code scopes} are {@code screening-summary | identity | contact}; {@code status} is
 * {@code draft | active | suspended | ended}; {@code validTo} is inclusive, null for open-ended.
 */
public record AgreementChanged(
        UUID agreementId,
        UUID organizationId,
        String boardId,
        List<String> scopes,
        LocalDate validFrom,
        LocalDate validTo,
        String status,
        long version,
        Instant updatedAt) {}
