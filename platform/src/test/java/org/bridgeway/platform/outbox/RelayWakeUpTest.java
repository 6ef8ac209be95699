package org.bridgeway.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelayWakeUpTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofMillis(20);

    private final Transaction transaction = new Transaction();
    private final RelayWakeUp wakeUp = new RelayWakeUp(transaction);

    @Test
    void aCommitThatWroteOutboxRowsWakesTheRelayOnce() throws InterruptedException {
        wakeUp.afterCommit();
        wakeUp.afterCommit();
        assertEquals(1, transaction.synchronizations.size(), "one wake-up per transaction, however many rows");
        assertFalse(wakeUp.await(SHORT), "nothing is visible to the relay before the commit");

        transaction.complete(Status.STATUS_COMMITTED);

        assertTrue(wakeUp.await(LONG));
        assertFalse(wakeUp.await(SHORT), "the wake-up is spent by the pass it started");
    }

    @Test
    void aRolledBackTransactionDoesNotWakeTheRelay() throws InterruptedException {
        wakeUp.afterCommit();
        transaction.complete(Status.STATUS_ROLLEDBACK);

        assertFalse(wakeUp.await(SHORT));
    }

    @Test
    void commitsDuringAPassCoalesceIntoOneMorePass() throws InterruptedException {
        wakeUp.wake();
        wakeUp.wake();
        wakeUp.wake();

        assertTrue(wakeUp.await(LONG));
        assertFalse(wakeUp.await(SHORT));
    }

    /** One transaction's synchronization registry, as Narayana keeps it. */
    private static final class Transaction implements TransactionSynchronizationRegistry {

        final Map<Object, Object> resources = new HashMap<>();
        final List<Synchronization> synchronizations = new ArrayList<>();

        void complete(int status) {
            synchronizations.forEach(Synchronization::beforeCompletion);
            synchronizations.forEach(s -> s.afterCompletion(status));
            synchronizations.clear();
            resources.clear();
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
