package org.bridgeway.partner.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The rows the search index needs, read incrementally. V3 stamps every written service row with its writer's
 * transaction id. A transaction older than the oldest one running at a read was finished by then, so its rows
 * were in that read; reading again only the rows written by transactions at or after that horizon misses no
 * change and usually returns nothing. Horizon and rows come from one statement, so from one snapshot.
 */
@ApplicationScoped
public class ServiceIndexQuery {

    private static final String SQL = "SELECT h.horizon, s.id, s.name, s.description, s.needs, s.service_areas,"
            + " s.languages, s.min_age, s.max_age, s.min_grade, s.max_grade, s.status, s.available"
            + " FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon) h"
            + " LEFT JOIN service s ON s.written_by_xact >= ?";

    private final AgroalDataSource dataSource;

    ServiceIndexQuery(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What search filters and orders on; the page itself is read with its details afterwards. */
    public record Row(
            UUID id,
            String name,
            String description,
            List<String> needs,
            List<String> areas,
            List<String> languages,
            Integer minAge,
            Integer maxAge,
            Integer minGrade,
            Integer maxGrade,
            String status,
            Integer available) {}

    /** Rows written since {@code horizon} (0: every row), and the horizon to ask from next time. */
    public record Changes(List<Row> rows, long nextHorizon) {}

    public Changes since(long horizon) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setLong(1, horizon);
            try (ResultSet rs = statement.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                long next = horizon;
                while (rs.next()) {
                    next = rs.getLong(1);
                    UUID id = rs.getObject(2, UUID.class);
                    if (id != null) {
                        rows.add(new Row(
                                id,
                                rs.getString(3),
                                rs.getString(4),
                                strings(rs.getArray(5)),
                                strings(rs.getArray(6)),
                                strings(rs.getArray(7)),
                                integer(rs, 8),
                                integer(rs, 9),
                                integer(rs, 10),
                                integer(rs, 11),
                                rs.getString(12),
                                integer(rs, 13)));
                    }
                }
                return new Changes(rows, next);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the directory for the search index failed", e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
