package org.bridgeway.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A data-sharing agreement between a partner organization and a school board changed. */
public record AgreementChanged(
        UUID agreementId,
        UUID organizationId,
        String boardId,
        List<String> scopes,
        LocalDate validFrom,
        LocalDate validTo,
        String status) {
}
