package org.bridgeway.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partner service was created or changed in the directory: a full snapshot, so referral-service can
 * match without calling partner-service. {@code serviceAreas} holds school ids and region codes;
 * {@code waitlist} is {@code none | under-1-month | 1-3-months | over-3-months}; {@code version}
 * grows with every change of the service, so a consumer can ignore an older snapshot.
 */
public record ServiceUpserted(
        UUID serviceId,
        UUID organizationId,
        String organizationName,
        String name,
        List<String> needs,
        Integer minAge,
        Integer maxAge,
        Integer minGrade,
        Integer maxGrade,
        List<String> languages,
        List<String> serviceAreas,
        String status,
        Integer available,
        Integer maximum,
        String waitlist,
        long version,
        Instant updatedAt) {}
