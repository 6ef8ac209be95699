package org.bridgeway.referral.domain;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bridgeway.referral.config.ReferralConfig;
import org.bridgeway.referral.store.Referral;
import org.bridgeway.referral.store.ReferralQueries;

/**
 * Expires referrals past their SLA and re-routes their cases. Each pass claims a batch with
 * {@code FOR UPDATE SKIP LOCKED} in its own transaction, so replicas running the same clock share the
 * work instead of expiring a referral twice.
 */
@ApplicationScoped
public class ExpiryClock {

    private final ReferralQueries referrals;
    private final ReferralService service;
    private final int batch;

    ExpiryClock(ReferralQueries referrals, ReferralService service, ReferralConfig config) {
        this.referrals = referrals;
        this.service = service;
        this.batch = config.expiryBatch();
    }

    @Scheduled(
            every = "${bridgeway.referral.expiry-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            int expired;
            do {
                expired = expireDue(Instant.now());
            } while (expired == batch);
        } catch (RuntimeException e) {
            Log.warnf("SLA clock: %s; overdue referrals are retried on the next tick", e.getMessage());
        }
    }

    /** @return how many referrals this pass expired */
    public int expireDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> due = referrals.claimOverdue(now, batch);
            for (UUID id : due) {
                Referral r = referrals.find(id);
                service.expire(r);
            }
            return due.size();
        });
    }
}
