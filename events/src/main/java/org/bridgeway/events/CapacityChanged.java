package org.bridgeway.events;

import java.time.Instant;
import java.util.UUID;

/** A partner service's capacity: {@code waitlist} is {@code none | under-1-month | 1-3-months | over-3-months}. */
public record CapacityChanged(UUID serviceId, int available, int maximum, String waitlist, Instant updatedAt) {
}
