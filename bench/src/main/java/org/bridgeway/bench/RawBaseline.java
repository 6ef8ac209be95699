package org.bridgeway.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bridgeway.devstack.Devstack;
import org.bridgeway.devstack.PostgresServer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The physical limits bulk ingest is compared with, in the same run on the same PostgreSQL: the rows
 * the product just wrote (screenings and their outbox events) written again by plain JDBC batches
 * into tables of the same shape (same columns, constraints, indexes and foreign keys; same chunk
 * size and statement as the product), and by COPY.
 */
final class RawBaseline {

    private static final String SCREENING_COLUMNS =
            "id, student_ref, board_id, school_id, grade, age_years, instrument_key,"
                    + " instrument_version, administered_on, answers, result, flagged, suggested_tier, batch_id, created_at";
    private static final String OUTBOX_COLUMNS = "id, topic, event_key, type, source, subject, payload";

    record Rates(int rows, int outboxRows, double jdbcRowsPerSecond, double copyRowsPerSecond) {}

    private RawBaseline() {}

    /** @param from, to the product's batch ran between these instants (its outbox rows are those created then) */
    static Rates measure(Devstack suite, UUID batch, Instant from, Instant to, int chunk) throws Exception {
        try (Connection c = DriverManager.getConnection(
                suite.postgres().jdbcUrl("screening"), PostgresServer.USER, PostgresServer.PASSWORD)) {
            List<Object[]> rows = read(
                    c,
                    "SELECT "
                            + SCREENING_COLUMNS
                                    .replace("answers", "answers::text")
                                    .replace("result,", "result::text,")
                            + " FROM screening WHERE batch_id = ? ORDER BY created_at",
                    batch);
            List<Object[]> events = read(
                    c,
                    "SELECT " + OUTBOX_COLUMNS + " FROM outbox_event WHERE created_at BETWEEN ? AND ? ORDER BY seq",
                    Timestamp.from(from),
                    Timestamp.from(to));
            createTables(c, "bench_raw");
            createTables(c, "bench_copy");
            c.setAutoCommit(false);
            double jdbc = rows.size() / seconds(() -> jdbcBatches(c, rows, events, chunk));
            double copy = rows.size() / seconds(() -> copy(c, rows, events));
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_raw_screening, bench_raw_outbox, bench_copy_screening, bench_copy_outbox");
            }
            return new Rates(rows.size(), events.size(), jdbc, copy);
        }
    }

    private static void createTables(Connection c, String prefix) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + prefix + "_screening, " + prefix + "_outbox");
            // LIKE copies columns, defaults, checks, unique constraints and indexes, but not foreign keys.
            s.execute("CREATE TABLE " + prefix + "_screening (LIKE screening INCLUDING ALL)");
            s.execute("ALTER TABLE " + prefix
                    + "_screening ADD FOREIGN KEY (student_ref) REFERENCES student (student_ref),"
                    + " ADD FOREIGN KEY (instrument_key, instrument_version) REFERENCES instrument (key, version)");
            s.execute("CREATE TABLE " + prefix + "_outbox (LIKE outbox_event INCLUDING ALL)");
        }
    }

    private static void jdbcBatches(Connection c, List<Object[]> rows, List<Object[]> events, int chunk)
            throws SQLException {
        try (PreparedStatement screening = c.prepareStatement(
                        "INSERT INTO bench_raw_screening (" + SCREENING_COLUMNS + ")"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)"
                                + " ON CONFLICT (student_ref, instrument_key, instrument_version, administered_on) DO NOTHING");
                PreparedStatement outbox = c.prepareStatement(
                        "INSERT INTO bench_raw_outbox (" + OUTBOX_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int from = 0; from < rows.size(); from += chunk) {
                int to = Math.min(rows.size(), from + chunk);
                for (Object[] row : rows.subList(from, to)) {
                    bind(screening, row);
                    screening.setObject(1, UUID.randomUUID());
                    screening.addBatch();
                }
                screening.executeBatch();
                // the outbox events of these rows, in the same transaction, as the product writes them
                for (Object[] event :
                        events.subList(events.size() * from / rows.size(), events.size() * to / rows.size())) {
                    bind(outbox, event);
                    outbox.setObject(1, UUID.randomUUID());
                    outbox.addBatch();
                }
                outbox.executeBatch();
                c.commit();
            }
        }
    }

    private static void copy(Connection c, List<Object[]> rows, List<Object[]> events) throws SQLException {
        copyIn(c, "bench_copy_screening", SCREENING_COLUMNS, rows);
        copyIn(c, "bench_copy_outbox", OUTBOX_COLUMNS, events);
        c.commit();
    }

    private static void copyIn(Connection c, String table, String columns, List<Object[]> rows) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)");
        StringBuilder line = new StringBuilder();
        for (Object[] row : rows) {
            line.setLength(0);
            line.append(UUID.randomUUID());
            for (int i = 1; i < row.length; i++) {
                line.append(',');
                if (row[i] != null) {
                    line.append('"')
                            .append(row[i].toString().replace("\"", "\"\""))
                            .append('"');
                }
            }
            byte[] bytes = line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
        }
        copy.endCopy();
    }

    private static void bind(PreparedStatement statement, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            statement.setObject(i + 1, row[i]);
        }
    }

    private static List<Object[]> read(Connection c, String sql, Object... params) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private interface Work {
        void run() throws SQLException;
    }

    private static double seconds(Work work) throws SQLException {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
