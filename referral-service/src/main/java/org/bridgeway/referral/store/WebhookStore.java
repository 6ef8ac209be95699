package org.bridgeway.referral.store;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook subscriptions, their delivery queue (head of line per subscription) and the delivery log. */
@ApplicationScoped
public class WebhookStore {

    /**
     * A delivery row per subscription of the organization, in the caller's transaction: even a failing
     * subscription queues (it resumes where it stopped once re-enabled).
     */
    public int enqueue(
            UUID organizationId,
            UUID eventId,
            String type,
            String source,
            String subject,
            Instant time,
            String payload,
            Instant now) {
        return Panache.getEntityManager()
                .createNativeQuery("INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type,"
                        + " event_source, event_subject, event_time, payload, next_attempt_at, created_at)"
                        + " SELECT gen_random_uuid(), s.id, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7"
                        + " FROM webhook_subscription s WHERE s.organization_id = ?8"
                        + " ON CONFLICT (subscription_id, event_id) DO NOTHING")
                .setParameter(1, eventId)
                .setParameter(2, type)
                .setParameter(3, source)
                .setParameter(4, subject)
                .setParameter(5, time)
                .setParameter(6, payload)
                .setParameter(7, now)
                .setParameter(8, organizationId)
                .executeUpdate();
    }

    /**
     * Claims one due delivery that is the oldest pending one of an active subscription, and holds its row until
     * the transaction ends. Only heads are candidates (one index probe per active subscription, however long a
     * queue grows behind a head in backoff), and {@code SKIP LOCKED} passes over a head another worker holds:
     * so at most one delivery per subscription is in flight across all replicas, and they go in order. The
     * {@code state} test on the locked row itself rejects a head another worker delivered meanwhile.
     */
    @SuppressWarnings("unchecked")
    public Optional<WebhookDelivery> claimHead(Instant now) {
        List<UUID> ids = Panache.getEntityManager()
                .createNativeQuery(
                        "SELECT d.id FROM webhook_subscription s"
                                + " CROSS JOIN LATERAL (SELECT e.id FROM webhook_delivery e"
                                + "   WHERE e.subscription_id = s.id AND e.state = 'pending'"
                                + "   ORDER BY e.seq LIMIT 1) head"
                                + " JOIN webhook_delivery d ON d.id = head.id"
                                + " WHERE s.status = 'active' AND d.state = 'pending' AND d.next_attempt_at <= ?1"
                                + " ORDER BY d.next_attempt_at LIMIT 1 FOR UPDATE OF d SKIP LOCKED",
                        UUID.class)
                .setParameter(1, now)
                .getResultList();
        return ids.stream().findFirst().map(id -> WebhookDelivery.findById(id));
    }

    public WebhookSubscription subscription(UUID id) {
        return WebhookSubscription.findById(id);
    }

    public WebhookSubscription lockSubscription(UUID id) {
        return WebhookSubscription.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public void add(WebhookSubscription subscription) {
        subscription.persist();
    }

    public void add(WebhookAttempt attempt) {
        attempt.persist();
    }

    public long countOf(UUID organizationId) {
        return WebhookSubscription.count("organizationId", organizationId);
    }

    /**
     * Removes the subscription and its queue. A delivery in flight holds its row, so this waits for that attempt
     * to end (up to {@code wait}) instead of failing on the service's short default lock timeout.
     */
    public void delete(WebhookSubscription subscription, Duration wait) {
        Panache.getEntityManager()
                .createNativeQuery("SELECT set_config('lock_timeout', ?1, true)")
                .setParameter(1, wait.toMillis() + "ms")
                .getSingleResult();
        subscription.delete();
        Panache.getEntityManager().flush();
    }

    /** Filters of a listing: {@code organizations} null means any (an admin); {@code board} limits to its partners. */
    public record Filter(UUID organizationId, String partnersOfBoard, String status) {}

    @SuppressWarnings("unchecked")
    public Slice<WebhookSubscription> page(Filter filter, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.organizationId() != null) {
            where.add("s.organization_id = :org");
            params.and("org", filter.organizationId());
        }
        if (filter.partnersOfBoard() != null) {
            where.add(
                    "s.organization_id IN (SELECT a.organization_id FROM partner_agreement a WHERE a.board_id = :board)");
            params.and("board", filter.partnersOfBoard());
        }
        if (filter.status() != null) {
            where.add("s.status = :status");
            params.and("status", filter.status());
        }
        String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        var rows = Panache.getEntityManager()
                .createNativeQuery(
                        "SELECT s.* FROM webhook_subscription s" + clause + " ORDER BY s.created_at, s.id"
                                + " OFFSET :offset LIMIT :limit",
                        WebhookSubscription.class);
        var count = Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM webhook_subscription s" + clause, Long.class);
        params.map().forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        rows.setParameter("offset", offset).setParameter("limit", limit);
        return new Slice<>(rows.getResultList(), ((Number) count.getSingleResult()).longValue());
    }

    public boolean partnersWithBoard(UUID organizationId, String boardId) {
        return ((Number) Panache.getEntityManager()
                                .createNativeQuery(
                                        "SELECT count(*) FROM partner_agreement WHERE organization_id = ?1 AND board_id = ?2")
                                .setParameter(1, organizationId)
                                .setParameter(2, boardId)
                                .getSingleResult())
                        .longValue()
                > 0;
    }

    /** How many deliveries wait, and when the head is next attempted (null with none waiting). */
    public record Queue(long pending, Instant nextAttemptAt) {}

    /** One statement, so the count and the head come from one snapshot while the worker delivers. */
    public Queue queueOf(UUID subscriptionId) {
        Object[] row = (Object[]) Panache.getEntityManager()
                .createNativeQuery("SELECT count(*), (SELECT h.next_attempt_at FROM webhook_delivery h"
                        + "   WHERE h.subscription_id = ?1 AND h.state = 'pending' ORDER BY h.seq LIMIT 1)"
                        + " FROM webhook_delivery d WHERE d.subscription_id = ?1 AND d.state = 'pending'")
                .setParameter(1, subscriptionId)
                .getSingleResult();
        return new Queue(((Number) row[0]).longValue(), toInstant(row[1]));
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /**
     * The last attempt's outcome on the subscription, by a targeted update: the worker never writes back a whole
     * subscription it read earlier (that would undo a rotation committed meanwhile).
     */
    public void recordAttempt(UUID subscriptionId, Instant at, Integer statusCode, String error) {
        WebhookSubscription.update(
                "lastAttemptAt = ?1, lastStatusCode = ?2, lastError = ?3 where id = ?4",
                at,
                statusCode,
                error,
                subscriptionId);
    }

    public void markFailing(UUID subscriptionId, Instant at, String why) {
        WebhookSubscription.update(
                "status = ?1, failingSince = ?2, lastError = ?3, updatedAt = ?2 where id = ?4",
                WebhookSubscription.FAILING,
                at,
                why,
                subscriptionId);
    }

    /** A re-enabled subscription's queue is due at once, with a fresh retry budget. */
    public void resume(UUID subscriptionId, Instant now) {
        WebhookDelivery.update(
                "nextAttemptAt = ?1, retryingSince = null, attempts = 0 where subscriptionId = ?2 and state = ?3",
                now,
                subscriptionId,
                WebhookDelivery.PENDING);
    }

    public Slice<WebhookDelivery> deliveries(UUID subscriptionId, int page, int size) {
        var query = WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 order by seq desc", subscriptionId);
        return new Slice<>(query.page(page, size).list(), query.count());
    }

    public List<WebhookAttempt> attemptsOf(List<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return WebhookAttempt.list("deliveryId in ?1 order by attemptedAt, id", deliveryIds);
    }

    /** Forgets delivered rows (and their attempts) older than the log keeps; a bounded batch per call. */
    public int purgeDelivered(Instant before, int batch) {
        return Panache.getEntityManager()
                .createNativeQuery("DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM webhook_delivery"
                        + " WHERE state = 'delivered' AND delivered_at < ?1 LIMIT ?2)")
                .setParameter(1, before)
                .setParameter(2, batch)
                .executeUpdate();
    }
}
