package org.bridgeway.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(clock, 3, Duration.ofMinutes(5));

    @Test
    void aVerifiedTokenIsServedUntilItExpires() {
        tokens.put("a.b.c", "verified", NOW.plusSeconds(60));
        assertEquals(Optional.of("verified"), tokens.get("a.b.c"));
        clock.now = NOW.plusSeconds(59);
        assertEquals(Optional.of("verified"), tokens.get("a.b.c"));
        clock.now = NOW.plusSeconds(60);
        assertEquals(Optional.empty(), tokens.get("a.b.c"), "refused from its expiry on, like the verifier");
    }

    @Test
    void aLongLivedTokenIsHeldNoLongerThanTheMaximumHold() {
        tokens.put("a.b.c", "verified", NOW.plus(Duration.ofHours(12)));
        clock.now = NOW.plus(Duration.ofMinutes(5));
        assertEquals(Optional.empty(), tokens.get("a.b.c"), "verified again after the hold");
    }

    @Test
    void onlyTheExactTokenMatches() {
        tokens.put("a.b.c", "verified", NOW.plusSeconds(60));
        assertEquals(Optional.empty(), tokens.get("a.b.d"), "a token differing in its signature is not known");
        assertEquals(Optional.empty(), tokens.get("a.b.c "));
    }

    @Test
    void anAlreadyExpiredTokenIsNotKept() {
        tokens.put("a.b.c", "verified", NOW);
        assertEquals(0, tokens.size());
        assertEquals(Optional.empty(), tokens.get("a.b.c"));
    }

    @Test
    void staysWithinItsCapacityDroppingExpiredEntriesFirst() {
        tokens.put("t1", "1", NOW.plusSeconds(10));
        tokens.put("t2", "2", NOW.plusSeconds(100));
        tokens.put("t3", "3", NOW.plusSeconds(100));
        clock.now = NOW.plusSeconds(20);
        tokens.put("t4", "4", NOW.plusSeconds(100));
        assertEquals(3, tokens.size());
        assertEquals(Optional.of("2"), tokens.get("t2"), "a live entry survives when an expired one can go");
        tokens.put("t5", "5", NOW.plusSeconds(100));
        assertTrue(tokens.size() <= 3, "never above capacity");
        assertEquals(Optional.of("5"), tokens.get("t5"));
    }
}
