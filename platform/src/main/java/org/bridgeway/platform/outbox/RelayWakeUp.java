package org.bridgeway.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes {@link OutboxRelay} as soon as a transaction that wrote outbox rows has committed, so an
 * event leaves within milliseconds of its change instead of waiting for the next poll. Wake-ups
 * coalesce: however many commits arrive during a relay pass, one more pass follows. Only this
 * replica's commits wake it; rows of other replicas are theirs to relay (or the poll's).
 */
@ApplicationScoped
public class RelayWakeUp {

    private final TransactionSynchronizationRegistry transactions;
    private final Semaphore wake = new Semaphore(0);

    RelayWakeUp(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Wakes the relay once the caller's transaction commits (one wake-up per transaction, however many rows). */
    void afterCommit() {
        if (transactions.getResource(RelayWakeUp.class) != null) {
            return;
        }
        transactions.putResource(RelayWakeUp.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit: the rows are only visible to the relay after it
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /**
     * Blocks until a wake-up or the fallback interval, whichever comes first; a wake-up that
     * arrived since the last call returns at once.
     *
     * @return true when woken by a commit, false when the interval passed
     */
    boolean await(Duration fallback) throws InterruptedException {
        boolean woken = wake.tryAcquire(fallback.toNanos(), TimeUnit.NANOSECONDS);
        // commits before this point are visible to the pass that follows: their wake-ups are spent
        wake.drainPermits();
        return woken;
    }
}
