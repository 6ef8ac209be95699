package org.bridgeway.referral.domain.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A board's referral outcomes over [from, to); every count under 5 is null (suppressed). */
public record Outcomes(
        String boardId,
        LocalDate from,
        LocalDate to,
        Long sent,
        Long accepted,
        Map<String, Long> rejectedByReason,
        Long expired,
        Map<String, Long> completedByOutcome,
        Double medianHoursToAccept,
        Double p90HoursToAccept,
        List<PartnerRate> acceptanceByPartner,
        Map<String, Long> closureOutcomes) {

    public record PartnerRate(
            UUID organizationId, String organizationName, Long sent, Long accepted, Double acceptanceRate) {}
}
