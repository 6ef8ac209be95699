package org.bridgeway.referral.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the webhook endpoints take and answer. The secret appears only in {@link CreatedWebhookView}. */
public final class WebhookDtos {

    private WebhookDtos() {}

    public record WebhookInput(
            @Schema(description = "Required for coordinators and admins; a partner's own organization otherwise")
            UUID organizationId,

            @NotBlank @Size(max = 2048) @Schema(description = "https URL the events are POSTed to")
            String url,

            @Size(max = 200) String description) {}

    @Schema(description = "A webhook subscription; its secret is never shown here")
    public record WebhookView(
            UUID id,
            UUID organizationId,
            String url,
            String description,
            @Schema(enumeration = {"active", "failing"}) String status,
            String createdBy,
            Instant createdAt,

            @Schema(description = "When deliveries stopped after the retry budget; re-enable to resume")
            Instant failingSince,

            Instant lastAttemptAt,
            Integer lastStatusCode,
            String lastError,
            long pendingDeliveries,

            @Schema(description = "When the oldest queued delivery is tried next (active subscriptions)")
            Instant nextAttemptAt,

            @Schema(description = "Until when the secret replaced by the last rotation still signs")
            Instant previousSecretValidUntil) {}

    @Schema(description = "A subscription with its signing secret: shown once, store it now")
    public record CreatedWebhookView(
            @Schema(description = "whsec_ and base64 of 32 random bytes (Standard Webhooks)")
            String secret,

            WebhookView webhook) {}

    public record DeliveryView(
            @Schema(description = "The webhook-id header of every attempt: de-duplicate by it")
            UUID id,

            @Schema(description = "The CloudEvent id (the same as on referral.events)")
            UUID eventId,

            String eventType,
            @Schema(description = "The referral id") String subject,
            @Schema(enumeration = {"pending", "delivered"}) String state,
            Instant createdAt,
            Instant deliveredAt,
            Instant nextAttemptAt,
            Integer lastStatusCode,
            String lastError,
            List<AttemptView> attempts) {}

    public record AttemptView(
            Instant at,

            @Schema(description = "The endpoint's answer; absent when none came")
            Integer statusCode,

            String error,
            long durationMs) {}
}
