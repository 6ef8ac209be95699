package org.bridgeway.referral.domain;

import java.net.ConnectException;
import org.bridgeway.referral.store.DatabaseFailures;

/**
 * Tells a failure that will pass (the database unreachable or restarting, a pool or lock timeout, a
 * serialization failure, a deadlock) from one that will not. The first is retried and holds the
 * partition; only the second may dead-letter a record.
 */
public final class FailureKind {

    private FailureKind() {}

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (DatabaseFailures.isTransient(t) || t instanceof ConnectException) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.endsWith("LockTimeoutException")
                    || name.endsWith("JDBCConnectionException")
                    || name.endsWith("LockAcquisitionException")) {
                return true;
            }
        }
        return false;
    }
}
