package org.bridgeway.events;

import java.util.List;
import java.util.UUID;

/** A partner service was created or changed in the directory. */
public record ServiceUpserted(
        UUID serviceId,
        UUID organizationId,
        String name,
        List<String> needs,
        Integer minAge,
        Integer maxAge,
        Integer minGrade,
        Integer maxGrade,
        List<String> languages,
        List<String> serviceAreas,
        String status) {
}
