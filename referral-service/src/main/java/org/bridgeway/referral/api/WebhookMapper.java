package org.bridgeway.referral.api;

import org.bridgeway.referral.api.WebhookDtos.AttemptView;
import org.bridgeway.referral.api.WebhookDtos.CreatedWebhookView;
import org.bridgeway.referral.api.WebhookDtos.DeliveryView;
import org.bridgeway.referral.api.WebhookDtos.WebhookInput;
import org.bridgeway.referral.api.WebhookDtos.WebhookView;
import org.bridgeway.referral.domain.webhook.DeliveryRecord;
import org.bridgeway.referral.domain.webhook.WebhookDetails;

/** Webhook DTOs to and from the domain's types. */
final class WebhookMapper {

    private WebhookMapper() {}

    static WebhookDetails.Registration command(WebhookInput input) {
        return new WebhookDetails.Registration(input.organizationId(), input.url(), input.description());
    }

    static WebhookView view(WebhookDetails w) {
        return new WebhookView(
                w.id(),
                w.organizationId(),
                w.url(),
                w.description(),
                w.status(),
                w.createdBy(),
                w.createdAt(),
                w.failingSince(),
                w.lastAttemptAt(),
                w.lastStatusCode(),
                w.lastError(),
                w.pendingDeliveries(),
                w.nextAttemptAt(),
                w.previousSecretValidUntil());
    }

    static CreatedWebhookView created(WebhookDetails.WithSecret w) {
        return new CreatedWebhookView(w.secret(), view(w.webhook()));
    }

    static DeliveryView delivery(DeliveryRecord d) {
        return new DeliveryView(
                d.id(),
                d.eventId(),
                d.eventType(),
                d.subject(),
                d.state(),
                d.createdAt(),
                d.deliveredAt(),
                d.nextAttemptAt(),
                d.lastStatusCode(),
                d.lastError(),
                d.attempts().stream()
                        .map(a -> new AttemptView(a.at(), a.statusCode(), a.error(), a.durationMs()))
                        .toList());
    }
}
