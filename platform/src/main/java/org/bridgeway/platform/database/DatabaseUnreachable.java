package org.bridgeway.platform.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Tells a database that cannot be reached (refused, gone mid-call, shutting down, no pooled
 * connection within the acquisition timeout) from every other failure, by walking the causes. Such
 * a failure is the caller's cue to try again later, not a bug.
 */
public final class DatabaseUnreachable {

    private static final int MAX_DEPTH = 20;

    private DatabaseUnreachable() {}

    public static boolean causedBy(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && unreachable(sql)) {
                return true;
            }
            if (cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(SQLException sql) {
        String state = sql.getSQLState();
        // 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed or not accepting yet.
        if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
            return true;
        }
        // Agroal's pool gives no SQL state when no connection could be had in time ("Acquisition timeout while
        // waiting for new connection", "Sorry, acquisition timeout!" in older versions).
        return sql.getMessage() != null
                && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
