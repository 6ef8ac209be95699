package org.bridgeway.referral.store;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;

/** Which database failures pass with time: the SQL side of {@code domain.FailureKind}. */
public final class DatabaseFailures {

    /** SQLSTATEs (PostgreSQL) that a retry can get past. Class 08 (connection) is matched by prefix. */
    private static final Set<String> TRANSIENT_STATES =
            Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03", "53000", "53100", "53200", "53300");

    private DatabaseFailures() {}

    public static boolean isTransient(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state))) {
                return true;
            }
            // Agroal's pool exhaustion carries no SQLSTATE.
            return sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
        }
        return false;
    }
}
