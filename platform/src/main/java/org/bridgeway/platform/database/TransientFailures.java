package org.bridgeway.platform.database;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a database failure that passes with time from one that will not. On top of a database out of reach
 * ({@link DatabaseUnreachable}) this counts what a retry gets past while the server is up: serialization
 * failures, deadlocks, lock and statement timeouts, too many connections, a server short of resources. A
 * consumer retries these and holds its partition; only the other failures may dead-letter a record.
 */
public final class TransientFailures {

    private static final int MAX_DEPTH = 20;

    /** PostgreSQL SQLSTATEs of contention and exhaustion: class 40 (rollback), 53 (resources), lock and query timeouts. */
    private static final Set<String> PASSING_STATES =
            Set.of("40001", "40P01", "55P03", "57014", "53000", "53100", "53200", "53300");

    /** Hibernate's and JPA's translations of the same, for when the SQLException is not among the causes. */
    private static final Set<String> PASSING_EXCEPTIONS = Set.of(
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException");

    private TransientFailures() {}

    public static boolean isTransient(Throwable failure) {
        if (DatabaseUnreachable.causedBy(failure)) {
            return true;
        }
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && PASSING_STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (PASSING_EXCEPTIONS.contains(cause.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
