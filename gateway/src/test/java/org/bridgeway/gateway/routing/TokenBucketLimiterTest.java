package org.bridgeway.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketLimiterTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void allowsTheBurstThenRefusesWithTheWaitUntilTheNextToken() {
        TokenBucketLimiter limiter = new TokenBucketLimiter(0.5, 3, now::get);
        assertEquals(0, limiter.tryAcquire("a"));
        assertEquals(0, limiter.tryAcquire("a"));
        assertEquals(0, limiter.tryAcquire("a"));
        assertEquals(2, limiter.tryAcquire("a"), "0.5/s: the next token in 2 s");
        now.addAndGet(1_000_000_000L);
        assertEquals(1, limiter.tryAcquire("a"), "half a token refilled: 1 s to go");
        now.addAndGet(1_000_000_000L);
        assertEquals(0, limiter.tryAcquire("a"));
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        TokenBucketLimiter limiter = new TokenBucketLimiter(1, 1, now::get);
        assertEquals(0, limiter.tryAcquire("a"));
        assertEquals(1, limiter.tryAcquire("a"));
        assertEquals(0, limiter.tryAcquire("b"));
    }

    @Test
    void refillNeverExceedsTheBurst() {
        TokenBucketLimiter limiter = new TokenBucketLimiter(100, 2, now::get);
        limiter.tryAcquire("a");
        now.addAndGet(60_000_000_000L);
        assertEquals(0, limiter.tryAcquire("a"));
        assertEquals(0, limiter.tryAcquire("a"));
        assertEquals(1, limiter.tryAcquire("a"));
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucketLimiter(0, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucketLimiter(1, 0, now::get));
    }
}
