package org.bridgeway.referral.domain.matching;

import java.util.Set;
import java.util.UUID;

/** A partner service as matching sees it: the read model's latest snapshot. */
public record ServiceSnapshot(
        UUID serviceId,
        UUID organizationId,
        String organizationName,
        String name,
        Set<String> needs,
        Integer minAge,
        Integer maxAge,
        Integer minGrade,
        Integer maxGrade,
        Set<String> languages,
        Set<String> serviceAreas,
        String status,
        Integer available,
        Integer maximum,
        String waitlist) {

    public static final String ACTIVE = "active";

    public ServiceSnapshot {
        needs = Set.copyOf(needs);
        languages = Set.copyOf(languages);
        serviceAreas = Set.copyOf(serviceAreas);
    }
}
