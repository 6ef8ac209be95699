package org.bridgeway.referral.domain.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a case asks of a service. {@code region} is the board's region code; {@code language} is the
 * student's preferred language, null for no preference; {@code excludedOrganizations} declined or let
 * this case expire; {@code referredServices} already hold a live referral of this case.
 */
public record MatchRequest(
        String boardId,
        List<String> needs,
        Integer age,
        Integer grade,
        String schoolId,
        String region,
        String language,
        Set<String> requiredScopes,
        Set<UUID> excludedOrganizations,
        Set<UUID> referredServices,
        LocalDate today,
        boolean explain) {

    public MatchRequest {
        needs = List.copyOf(needs);
        requiredScopes = Set.copyOf(requiredScopes);
        excludedOrganizations = Set.copyOf(excludedOrganizations);
        referredServices = Set.copyOf(referredServices);
    }
}
