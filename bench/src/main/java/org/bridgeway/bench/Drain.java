package org.bridgeway.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.bridgeway.devstack.Devstack;
import org.bridgeway.devstack.PostgresServer;

/**
 * Waits until the suite is quiet: every outbox relayed and every flagged screening of the board has
 * its referral case. Without it a phase measures the backlog of the one before (the first bench's
 * flagged phase started with 6,500 earlier events still queued).
 */
final class Drain {

    private static final String PENDING = "SELECT count(*) FROM outbox_event WHERE published_at IS NULL";

    record State(long pendingEvents, long flagged, long cases, double seconds) {

        boolean quiet() {
            return pendingEvents == 0 && cases >= flagged;
        }

        @Override
        public String toString() {
            return String.format(
                    "%d events unrelayed, %d of %d flagged screenings with a case, after %.1f s",
                    pendingEvents, cases, flagged, seconds);
        }
    }

    private Drain() {}

    static State await(Devstack suite, String board, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        State state;
        do {
            Thread.sleep(250);
            long pending = count(suite, "screening", PENDING)
                    + count(suite, "partner", PENDING)
                    + count(suite, "referral", PENDING);
            state = new State(
                    pending,
                    count(suite, "screening", "SELECT count(*) FROM screening WHERE flagged AND board_id = ?", board),
                    count(suite, "referral", "SELECT count(*) FROM referral_case WHERE board_id = ?", board),
                    (System.nanoTime() - start) / 1e9);
        } while (!state.quiet() && System.nanoTime() < deadline);
        System.out.println("  drain: " + state);
        return state;
    }

    /** Waits until one service's outbox is published (its events are all on the broker). */
    static boolean awaitRelayed(Devstack suite, String database, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(suite, database, PENDING) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(250);
        }
        return true;
    }

    private static long count(Devstack suite, String database, String sql, String... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        suite.postgres().jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setString(i + 1, params[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
