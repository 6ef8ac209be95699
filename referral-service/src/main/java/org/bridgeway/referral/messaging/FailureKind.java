package org.bridgeway.referral.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure that will pass (the database unreachable or restarting, a pool or lock timeout, a
 * serialization failure, a deadlock) from one that will not. The first is retried and holds the
 * partition; only the second may dead-letter a record.
 */
public final class FailureKind {

    /** SQLSTATEs (PostgreSQL) that a retry can get past. Class 08 (connection) is matched by prefix. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02",
            "57P03", "53000", "53100", "53200", "53300");

    private FailureKind() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || TRANSIENT_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            // Agroal's pool exhaustion carries no SQLSTATE; Narayana's transaction timeout neither.
            if (t instanceof SQLException && message.contains("acquisition timeout")
                    || t.getClass().getName().endsWith("LockTimeoutException")
                    || t.getClass().getName().endsWith("JDBCConnectionException")
                    || t.getClass().getName().endsWith("LockAcquisitionException")) {
                return true;
            }
        }
        return false;
    }
}
