package org.bridgeway.platform.messaging;

import java.time.Duration;

/** How long a consumer waits between retries of a transient failure: doubling from {@code first} up to {@code max}. */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, got " + first + " and " + max);
        }
    }

    /** The wait after {@code current}. */
    public Duration after(Duration current) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
