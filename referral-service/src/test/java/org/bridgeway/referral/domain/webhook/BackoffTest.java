package org.bridgeway.referral.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff =
            new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24), new Random(42));

    @Test
    void theCeilingDoublesFromTheFirstUpToTheMax() {
        assertEquals(Duration.ofSeconds(5), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(10), backoff.ceiling(2));
        assertEquals(Duration.ofSeconds(20), backoff.ceiling(3));
        assertEquals(Duration.ofSeconds(5 * 512), backoff.ceiling(10));
        assertEquals(Duration.ofHours(1), backoff.ceiling(11));
        assertEquals(Duration.ofHours(1), backoff.ceiling(10_000));
    }

    @Test
    void fullJitterStaysWithinZeroAndTheCeilingAndSpreads() {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long delay = backoff.delay(3).toMillis();
            assertTrue(delay >= 0 && delay <= 20_000, "delay " + delay);
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }
        // uniform over [0, 20 s]: ten thousand draws reach both ends of the range
        assertTrue(min < 1_000, "min " + min);
        assertTrue(max > 19_000, "max " + max);
        for (int i = 0; i < 1_000; i++) {
            assertTrue(backoff.delay(50).compareTo(Duration.ofHours(1)) <= 0);
        }
    }

    @Test
    void theBudgetEndsRetryForAfterTheFirstFailure() {
        Instant since = Instant.parse("2026-11-30T00:00:00Z");
        assertFalse(backoff.exhausted(since, since.plus(Duration.ofHours(23).plusMinutes(59))));
        assertTrue(backoff.exhausted(since, since.plus(Duration.ofHours(24))));
    }

    @Test
    void aMaxBelowTheFirstIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofHours(1), new Random()));
    }
}
