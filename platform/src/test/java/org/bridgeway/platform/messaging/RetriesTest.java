package org.bridgeway.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetriesTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(1), Duration.ofMillis(4));

    @Test
    void aRetryableFailureIsWaitedOutUntilTheWorkSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        RuntimeException failure =
                Retries.run(FAST, "test", e -> e instanceof IllegalStateException, retries::incrementAndGet, () -> {
                    if (attempts.incrementAndGet() < 4) {
                        throw new IllegalStateException("database away");
                    }
                });
        assertNull(failure);
        assertEquals(4, attempts.get());
        assertEquals(3, retries.get());
    }

    @Test
    void anyOtherFailureEndsTheAttemptsAndIsReturned() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalArgumentException bad = new IllegalArgumentException("poison");
        RuntimeException failure = Retries.run(FAST, "test", e -> e instanceof IllegalStateException, () -> {}, () -> {
            attempts.incrementAndGet();
            throw bad;
        });
        assertSame(bad, failure);
        assertEquals(1, attempts.get());
    }

    @Test
    void theBackoffDoublesUpToItsMaximum() {
        assertEquals(Duration.ofMillis(2), FAST.after(Duration.ofMillis(1)));
        assertEquals(Duration.ofMillis(4), FAST.after(Duration.ofMillis(2)));
        assertEquals(Duration.ofMillis(4), FAST.after(Duration.ofMillis(4)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
