package org.bridgeway.referral.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription, written in the transaction of the change. Its id is the {@code webhook-id}
 * every attempt carries, so a receiver can drop a repeat.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "event_source")
    public String eventSource;

    @Column(name = "event_subject")
    public String eventSubject;

    @Column(name = "event_time")
    public Instant eventTime;

    public String payload;
    public String state;

    /** Failed attempts in the current run (the backoff's exponent); re-enabling starts a new run. */
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** When the current run of failures began; the retry budget counts from here. */
    @Column(name = "retrying_since")
    public Instant retryingSince;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
