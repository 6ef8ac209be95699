package org.bridgeway.referral.domain.webhook;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.referral.config.WebhookConfig;
import org.bridgeway.referral.domain.Access;
import org.bridgeway.referral.domain.Access.WebhookReach;
import org.bridgeway.referral.store.Slice;
import org.bridgeway.referral.store.WebhookAttempt;
import org.bridgeway.referral.store.WebhookDelivery;
import org.bridgeway.referral.store.WebhookStore;
import org.bridgeway.referral.store.WebhookSubscription;

/**
 * Registering, listing, rotating, re-enabling and removing a partner organization's webhook endpoints, and
 * reading their delivery log. The secret is answered only by {@link #register} and {@link #rotate}.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    private final WebhookStore store;
    private final Access access;
    private final SecretBox secrets;
    private final EndpointRule endpoints;
    private final Duration rotationOverlap;
    private final int maxPerOrganization;
    private final Duration deleteWait;

    WebhookSubscriptions(WebhookStore store, Access access, WebhookSecrets secrets, WebhookConfig config) {
        this.store = store;
        this.access = access;
        this.secrets = secrets.box();
        this.endpoints = new EndpointRule(config.allowLocalhost());
        this.rotationOverlap = config.rotationOverlap();
        this.maxPerOrganization = config.maxPerOrganization();
        this.deleteWait = config.connectTimeout().plus(config.requestTimeout()).plusSeconds(5);
    }

    @Transactional
    public WebhookDetails.WithSecret register(Caller caller, WebhookDetails.Registration command) {
        UUID org = access.webhookReach(caller).organizationFor(command.organizationId(), store::partnersWithBoard);
        endpoints.refusal(command.url()).ifPresent(reason -> {
            throw ApiException.invalidField("url", reason);
        });
        if (store.countOf(org) >= maxPerOrganization) {
            throw ApiException.conflict("Organization " + org + " already has " + maxPerOrganization
                    + " webhook endpoints; remove one first.");
        }
        Instant now = Instant.now();
        String secret = WebhookSignature.newSecret();
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.organizationId = org;
        s.url = command.url();
        s.description = command.description();
        s.status = WebhookSubscription.ACTIVE;
        s.secret = secrets.seal(s.id.toString(), secret);
        s.createdBy = caller.subject();
        s.createdAt = now;
        s.updatedAt = now;
        store.add(s);
        Log.infof("webhook %s registered for organization %s by %s", s.id, org, caller.subject());
        return new WebhookDetails.WithSecret(details(s), secret);
    }

    @Transactional
    public Page<WebhookDetails> list(Caller caller, UUID organizationId, String status, PageRequest page) {
        WebhookReach reach = access.webhookReach(caller);
        UUID org = reach.organization() != null ? reach.organization() : organizationId;
        if (organizationId != null && !organizationId.equals(org)) {
            return Page.of(List.of(), page, 0);
        }
        Slice<WebhookSubscription> slice =
                store.page(new WebhookStore.Filter(org, reach.board(), status), page.offset(), page.size());
        return Page.of(slice.items().stream().map(this::details).toList(), page, slice.total());
    }

    @Transactional
    public WebhookDetails get(Caller caller, UUID id) {
        return details(reachable(caller, store.subscription(id), id));
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        WebhookSubscription s = reachable(caller, store.subscription(id), id);
        store.delete(s, deleteWait);
        Log.infof("webhook %s removed by %s", id, caller.subject());
    }

    /**
     * A new secret signs from now on; the one it replaces keeps signing beside it (both in
     * {@code webhook-signature}) until the overlap ends, so the receiver can switch without losing a message.
     */
    @Transactional
    public WebhookDetails.WithSecret rotate(Caller caller, UUID id) {
        WebhookSubscription s = reachable(caller, store.lockSubscription(id), id);
        Instant now = Instant.now();
        String secret = WebhookSignature.newSecret();
        s.previousSecret = s.secret;
        s.previousSecretUntil = now.plus(rotationOverlap);
        s.secret = secrets.seal(s.id.toString(), secret);
        s.updatedAt = now;
        Log.infof("webhook %s secret rotated by %s", id, caller.subject());
        return new WebhookDetails.WithSecret(details(s), secret);
    }

    /** A failing subscription delivers again, from the delivery it stopped at, with a fresh retry budget. */
    @Transactional
    public WebhookDetails enable(Caller caller, UUID id) {
        WebhookSubscription s = reachable(caller, store.lockSubscription(id), id);
        if (WebhookSubscription.FAILING.equals(s.status)) {
            Instant now = Instant.now();
            s.status = WebhookSubscription.ACTIVE;
            s.failingSince = null;
            s.updatedAt = now;
            store.resume(s.id, now);
            Log.infof("webhook %s re-enabled by %s", id, caller.subject());
        }
        return details(s);
    }

    @Transactional
    public Page<DeliveryRecord> deliveries(Caller caller, UUID id, PageRequest page) {
        reachable(caller, store.subscription(id), id);
        Slice<WebhookDelivery> slice = store.deliveries(id, page.page(), page.size());
        Map<UUID, List<DeliveryRecord.Attempt>> attempts =
                store.attemptsOf(slice.items().stream().map(d -> d.id).toList()).stream()
                        .collect(Collectors.groupingBy(
                                a -> a.deliveryId,
                                Collectors.mapping(WebhookSubscriptions::attempt, Collectors.toList())));
        return Page.of(
                slice.items().stream()
                        .map(d -> new DeliveryRecord(
                                d.id,
                                d.eventId,
                                d.eventType,
                                d.eventSubject,
                                d.state,
                                d.createdAt,
                                d.deliveredAt,
                                WebhookDelivery.PENDING.equals(d.state) ? d.nextAttemptAt : null,
                                d.lastStatusCode,
                                d.lastError,
                                attempts.getOrDefault(d.id, List.of())))
                        .toList(),
                page,
                slice.total());
    }

    private WebhookSubscription reachable(Caller caller, WebhookSubscription found, UUID id) {
        if (found == null || !access.webhookReach(caller).covers(found.organizationId, store::partnersWithBoard)) {
            throw ApiException.notFound("No webhook " + id + " within your reach.");
        }
        return found;
    }

    private WebhookDetails details(WebhookSubscription s) {
        WebhookStore.Queue queue = store.queueOf(s.id);
        Instant now = Instant.now();
        return new WebhookDetails(
                s.id,
                s.organizationId,
                s.url,
                s.description,
                s.status,
                s.createdBy,
                s.createdAt,
                s.failingSince,
                s.lastAttemptAt,
                s.lastStatusCode,
                s.lastError,
                queue.pending(),
                WebhookSubscription.ACTIVE.equals(s.status) ? queue.nextAttemptAt() : null,
                s.previousSecretUntil != null && s.previousSecretUntil.isAfter(now) ? s.previousSecretUntil : null);
    }

    private static DeliveryRecord.Attempt attempt(WebhookAttempt a) {
        return new DeliveryRecord.Attempt(a.attemptedAt, a.statusCode, a.error, a.durationMs);
    }
}
