package org.bridgeway.referral.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: after the n-th failed attempt (n from 1) the next one waits a uniformly
 * random time in {@code [0, min(max, first × 2^(n-1))]}, so receivers that failed together do not get their
 * retries together. A delivery is retried until {@code retryFor} has passed since its first failure.
 */
public final class Backoff {

    private final Duration first;
    private final Duration max;
    private final Duration retryFor;
    private final RandomGenerator random;

    public Backoff(Duration first, Duration max, Duration retryFor, RandomGenerator random) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max");
        }
        this.first = first;
        this.max = max;
        this.retryFor = retryFor;
        this.random = random;
    }

    /** The longest wait after the given number of failed attempts (the jitter picks up to this). */
    public Duration ceiling(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts, 1) - 1, 40);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    public Duration delay(int failedAttempts) {
        return Duration.ofMillis(random.nextLong(ceiling(failedAttempts).toMillis() + 1));
    }

    /** Whether a delivery failing since {@code since} has used up its retry budget at {@code now}. */
    public boolean exhausted(Instant since, Instant now) {
        return !now.isBefore(since.plus(retryFor));
    }
}
