package org.bridgeway.gateway.routing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Closed until {@code failures} consecutive failures; then open (fail fast) for {@code openFor};
 * then half-open: one trial request, whose outcome closes or re-opens it.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, LongSupplier nanoClock) {
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** @return true when a request may be sent now */
    public synchronized boolean allow() {
        if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= openForNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        state = State.CLOSED;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
            trialInFlight = false;
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Whole seconds until a trial is let through (for Retry-After). */
    public synchronized long retryAfterSeconds() {
        long left = openForNanos - (nanoClock.getAsLong() - openedAt);
        return Math.max(1, (long) Math.ceil(left / 1e9));
    }
}
