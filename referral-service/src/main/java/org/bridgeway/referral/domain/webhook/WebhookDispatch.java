package org.bridgeway.referral.domain.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bridgeway.referral.config.WebhookConfig;
import org.bridgeway.referral.store.WebhookAttempt;
import org.bridgeway.referral.store.WebhookDelivery;
import org.bridgeway.referral.store.WebhookEndpointClient;
import org.bridgeway.referral.store.WebhookStore;
import org.bridgeway.referral.store.WebhookSubscription;

/**
 * Sends the head delivery of one subscription and records the outcome, all in one transaction that holds the
 * delivery's row: a crash or a lost database connection after the POST leaves the delivery pending, and it is
 * sent again with the same {@code webhook-id} (at least once; receivers drop repeats by that id).
 */
@ApplicationScoped
public class WebhookDispatch {

    static final int GONE = 410;

    private final WebhookStore store;
    private final WebhookEndpointClient client;
    private final SecretBox secrets;
    private final Backoff backoff;
    private final int transactionSeconds;
    private final Duration logRetention;
    private final MeterRegistry metrics;

    WebhookDispatch(
            WebhookStore store,
            WebhookEndpointClient client,
            WebhookSecrets secrets,
            WebhookConfig config,
            MeterRegistry metrics) {
        this.metrics = metrics;
        this.store = store;
        this.client = client;
        this.secrets = secrets.box();
        this.backoff = new Backoff(config.firstBackoff(), config.maxBackoff(), config.retryFor(), new SecureRandom());
        this.transactionSeconds = (int) config.connectTimeout()
                .plus(config.requestTimeout())
                .plusSeconds(30)
                .toSeconds();
        this.logRetention = config.logRetention();
    }

    /** @return whether a delivery was due and attempted */
    public boolean deliverNext() {
        return QuarkusTransaction.requiringNew().timeout(transactionSeconds).call(() -> {
            Instant now = Instant.now();
            Optional<WebhookDelivery> head = store.claimHead(now);
            head.ifPresent(delivery -> attempt(store.subscription(delivery.subscriptionId), delivery, now));
            return head.isPresent();
        });
    }

    /** Drops delivered rows past the log's retention. */
    public int purge() {
        return QuarkusTransaction.requiringNew()
                .call(() -> store.purgeDelivered(Instant.now().minus(logRetention), 1000));
    }

    private void attempt(WebhookSubscription s, WebhookDelivery d, Instant now) {
        String body = CloudEventBody.of(
                d.eventId.toString(), d.eventSource, d.eventType, d.eventTime.toString(), d.eventSubject, d.payload);
        String messageId = d.id.toString();
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CloudEventBody.CONTENT_TYPE);
        headers.put("User-Agent", "Bridgeway-Webhooks/1.0");
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(signingSecrets(s, now), messageId, timestamp, body));
        WebhookEndpointClient.Answer answer = client.post(s.url, headers, body);
        record(s, d, answer, now);
    }

    /** The current secret, and the one it replaced while the rotation's overlap lasts. */
    private List<String> signingSecrets(WebhookSubscription s, Instant now) {
        List<String> keys = new ArrayList<>(2);
        keys.add(secrets.open(s.id.toString(), s.secret));
        if (s.previousSecret != null && s.previousSecretUntil != null && now.isBefore(s.previousSecretUntil)) {
            keys.add(secrets.open(s.id.toString(), s.previousSecret));
        }
        return keys;
    }

    private void record(WebhookSubscription s, WebhookDelivery d, WebhookEndpointClient.Answer answer, Instant now) {
        String error = answer.succeeded() ? null : answer.error() != null ? answer.error() : "HTTP " + answer.status();
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = d.id;
        attempt.attemptedAt = now;
        attempt.statusCode = answer.status();
        attempt.error = error;
        attempt.durationMs = (int) Math.min(Integer.MAX_VALUE, answer.took().toMillis());
        store.add(attempt);
        d.lastStatusCode = answer.status();
        d.lastError = error;
        store.recordAttempt(s.id, now, answer.status(), error);
        // counted before the commit: an attempt whose record is lost is sent again and counted again
        metrics.counter("bridgeway.webhook.attempts", "outcome", answer.succeeded() ? "delivered" : "failed")
                .increment();
        if (answer.succeeded()) {
            d.state = WebhookDelivery.DELIVERED;
            d.deliveredAt = Instant.now();
            d.retryingSince = null;
            return;
        }
        d.attempts++;
        if (d.retryingSince == null) {
            d.retryingSince = now;
        }
        if (answer.status() != null && answer.status() == GONE) {
            stop(s, d, now, "the endpoint answered 410 Gone: it asked for no more deliveries");
        } else if (backoff.exhausted(d.retryingSince, now)) {
            stop(s, d, now, "retried since " + d.retryingSince + " without success: " + error);
        } else {
            d.nextAttemptAt = now.plus(backoff.delay(d.attempts));
        }
    }

    private void stop(WebhookSubscription s, WebhookDelivery d, Instant now, String why) {
        d.nextAttemptAt = now;
        store.markFailing(s.id, now, why);
        metrics.counter("bridgeway.webhook.subscriptions.failing").increment();
        Log.warnf("webhook %s of organization %s is failing: %s", s.id, s.organizationId, why);
    }
}
