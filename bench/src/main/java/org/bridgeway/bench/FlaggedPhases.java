package org.bridgeway.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.devstack.Devstack;
import org.bridgeway.devstack.PostgresServer;

/**
 * What happens to flagged screenings downstream, measured on a quiet suite: single flagged submits
 * at a modest rate, each timed from its row in screening-service to its case in referral-service
 * (outbox relay, Kafka, consumer); and a backlog of flagged screenings pushed as one batch, timed
 * until every one has its case.
 */
final class FlaggedPhases {

    private final Devstack suite;
    private final String board;

    FlaggedPhases(Devstack suite, String board) {
        this.suite = suite;
        this.board = board;
    }

    /** Stored → case opened, per screening, in milliseconds (screenings without a case after the wait are left out). */
    Percentiles storedToCase(List<UUID> screenings, Duration wait) throws Exception {
        Instant deadline = Instant.now().plus(wait);
        Map<UUID, Instant> opened;
        do {
            Thread.sleep(250);
            opened = openedAt(screenings);
        } while (opened.size() < screenings.size() && Instant.now().isBefore(deadline));
        Map<UUID, Instant> stored = storedAt(screenings);
        Map<UUID, Instant> cases = opened;
        return Percentiles.of(screenings.stream()
                .filter(cases::containsKey)
                .mapToDouble(
                        id -> Duration.between(stored.get(id), cases.get(id)).toNanos() / 1e6)
                .toArray());
    }

    /** Cases opened per second over the whole backlog and over its last 80% (NaN when not all arrived). */
    record DrainRate(double whole, double lastFourFifths) {}

    /** How fast the cases of a batch's flagged screenings were opened, first case to last. */
    DrainRate casesPerSecond(UUID batch, Duration wait) throws Exception {
        List<UUID> screenings = screeningsOf(batch);
        Instant deadline = Instant.now().plus(wait);
        Map<UUID, Instant> opened;
        do {
            Thread.sleep(500);
            opened = openedAt(screenings);
        } while (opened.size() < screenings.size() && Instant.now().isBefore(deadline));
        if (opened.size() < screenings.size() || screenings.size() < 10) {
            return new DrainRate(Double.NaN, Double.NaN);
        }
        List<Instant> times = opened.values().stream().sorted().toList();
        int fifth = times.size() / 5;
        return new DrainRate(
                rate(times.size() - 1, times.get(0), times.get(times.size() - 1)),
                rate(times.size() - 1 - fifth, times.get(fifth), times.get(times.size() - 1)));
    }

    private static double rate(int intervals, Instant first, Instant last) {
        return intervals / Math.max(0.001, Duration.between(first, last).toNanos() / 1e9);
    }

    private List<UUID> screeningsOf(UUID batch) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = connect("screening");
                PreparedStatement query =
                        c.prepareStatement("SELECT id FROM screening WHERE batch_id = ? AND flagged")) {
            query.setObject(1, batch);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private Map<UUID, Instant> openedAt(List<UUID> screenings) throws Exception {
        return times(
                "referral",
                "SELECT screening_id, opened_at FROM referral_case WHERE board_id = ? AND screening_id = ANY (?)",
                screenings);
    }

    private Map<UUID, Instant> storedAt(List<UUID> screenings) throws Exception {
        return times(
                "screening", "SELECT id, created_at FROM screening WHERE board_id = ? AND id = ANY (?)", screenings);
    }

    private Map<UUID, Instant> times(String database, String sql, List<UUID> ids) throws Exception {
        Map<UUID, Instant> times = new HashMap<>();
        try (Connection c = connect(database);
                PreparedStatement query = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("uuid", ids.toArray());
            query.setString(1, board);
            query.setArray(2, array);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return times;
    }

    private Connection connect(String database) throws Exception {
        return DriverManager.getConnection(
                suite.postgres().jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
