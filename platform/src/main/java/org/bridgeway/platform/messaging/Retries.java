package org.bridgeway.platform.messaging;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.function.Predicate;

/** Runs work again, with backoff, for as long as it fails in a way that passes with time. */
public final class Retries {

    private Retries() {}

    /**
     * @param retryable which failures to wait out; the first other one ends the attempts
     * @param onRetry   told of each failure that is waited out
     * @return null once the work succeeded; the failure that is not retryable otherwise
     */
    public static RuntimeException run(
            Backoff backoff, String what, Predicate<Throwable> retryable, Runnable onRetry, Runnable work) {
        Duration wait = backoff.first();
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return null;
            } catch (RuntimeException e) {
                if (!retryable.test(e)) {
                    return e;
                }
                onRetry.run();
                Log.warnf(
                        "%s: transient failure (attempt %d, next in %d ms), retrying: %s",
                        what, attempt, wait.toMillis(), describe(e));
                sleep(wait);
                wait = backoff.after(wait);
            }
        }
    }

    /** The failure and, when another, its root cause: the SQLSTATE's message is what an operator needs. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return root == failure
                ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
