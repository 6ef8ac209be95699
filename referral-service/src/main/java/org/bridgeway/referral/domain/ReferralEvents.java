package org.bridgeway.referral.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.bridgeway.events.CaseClosed;
import org.bridgeway.events.ReferralStatusChanged;
import org.bridgeway.platform.outbox.Outbox;
import org.bridgeway.referral.domain.webhook.WebhookFanout;
import org.bridgeway.referral.store.Referral;
import org.bridgeway.referral.store.ReferralCase;

/**
 * Writes referral.events to the outbox in the transaction of the change; keyed by studentRef so a student's events
 * stay ordered. A status change is also queued for the addressed organization's webhooks in that transaction.
 */
@ApplicationScoped
public class ReferralEvents {

    private final Outbox outbox;
    private final WebhookFanout webhooks;
    private final MeterRegistry metrics;
    private final Timer timeToAccept;

    ReferralEvents(Outbox outbox, WebhookFanout webhooks, MeterRegistry metrics) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.metrics = metrics;
        this.timeToAccept = Timer.builder("bridgeway.referral.time.to.accept")
                .description("from a referral being requested to the partner accepting it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMinutes(1))
                .maximumExpectedValue(Duration.ofDays(30))
                .register(metrics);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(ReferralCase c, Referral r, Instant at) {
        ReferralStatusChanged event = new ReferralStatusChanged(
                r.id,
                c.id,
                c.screeningId,
                c.studentRef,
                c.boardId,
                r.organizationId,
                r.serviceId,
                r.status,
                r.reason,
                at);
        webhooks.statusChanged(outbox.add(c.studentRef, r.id.toString(), event), event);
        // Counted with the event, so the metrics and referral.events tell the same story (a rolled-back
        // transition is counted once too; the counters are for trends and alerts, the database is the record).
        metrics.counter("bridgeway.referral.status.changes", "status", r.status).increment();
        if ("accepted".equals(r.status) && r.requestedAt != null) {
            timeToAccept.record(Duration.between(r.requestedAt, at));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseClosed(ReferralCase c) {
        outbox.add(
                c.studentRef,
                c.id.toString(),
                new CaseClosed(c.id, c.screeningId, c.studentRef, c.boardId, c.closureOutcome, c.closedAt));
    }
}
