package org.bridgeway.referral.domain.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription as its owner and the coordinators see it: never its secret. {@code status} is {@code active} or
 * {@code failing} (deliveries stopped after the retry budget; re-enable to resume), with the last attempt's
 * outcome and when the head of its queue is next tried.
 */
public record WebhookDetails(
        UUID id,
        UUID organizationId,
        String url,
        String description,
        String status,
        String createdBy,
        Instant createdAt,
        Instant failingSince,
        Instant lastAttemptAt,
        Integer lastStatusCode,
        String lastError,
        long pendingDeliveries,
        Instant nextAttemptAt,
        Instant previousSecretValidUntil) {

    /** A subscription with its signing secret: answered once, on creation and on rotation. */
    public record WithSecret(WebhookDetails webhook, String secret) {}

    /** What a new subscription is: the organization is required for coordinators and admins only. */
    public record Registration(UUID organizationId, String url, String description) {}
}
