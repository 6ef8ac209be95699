package org.bridgeway.referral.domain.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One event's delivery to one subscription with every attempt: the delivery log. {@code id} is the webhook-id. */
public record DeliveryRecord(
        UUID id,
        UUID eventId,
        String eventType,
        String subject,
        String state,
        Instant createdAt,
        Instant deliveredAt,
        Instant nextAttemptAt,
        Integer lastStatusCode,
        String lastError,
        List<Attempt> attempts) {

    /** {@code statusCode} is null when no answer came; {@code error} says why. */
    public record Attempt(Instant at, Integer statusCode, String error, long durationMs) {}
}
