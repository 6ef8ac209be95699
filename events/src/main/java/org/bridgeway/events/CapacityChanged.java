package org.bridgeway.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner service's capacity changed: {@code waitlist} is {@code none | under-1-month | 1-3-months |
 * over-3-months}; {@code version} is the service's version after the change (see {@link ServiceUpserted}).
 */
public record CapacityChanged(
        UUID serviceId,
        UUID organizationId,
        int available,
        int maximum,
        String waitlist,
        long version,
        Instant updatedAt) {}
