package org.bridgeway.partner.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Directory search in one SQL statement that the indexes of V2 serve: GIN on the needs, languages and
 * service-area arrays ({@code &&} any, {@code @>} all) and a trigram GIN on name and description for
 * free text. Relevance: needs covered, then open capacity, then name, then id so paging is stable; the total
 * comes with the page (a window count), and only an empty page needs a count of its own.
 */
@ApplicationScoped
public class ServiceSearchQuery {

    private static final String TEXT = "lower(s.name || ' ' || coalesce(s.description, ''))";

    private final AgroalDataSource dataSource;

    ServiceSearchQuery(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Empty lists and null values do not filter. {@code allNeeds}: every need must be covered, else any. */
    public record Filter(
            List<String> needs,
            boolean allNeeds,
            List<String> areas,
            Integer age,
            Integer grade,
            List<String> languages,
            boolean withCapacity,
            String status,
            String text) {}

    /** The ids of one page in relevance order, and the total number of matches. */
    public record Result(List<UUID> ids, long total) {}

    public Result search(Filter filter, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        // how many of the requested needs a service covers: one array containment per need, cheap per row
        List<String> covered = new ArrayList<>();
        for (String need : filter.needs()) {
            covered.add("(s.needs @> ARRAY[?]::varchar[])::int");
            params.add(need);
        }
        List<Object> whereParams = new ArrayList<>();
        String where = where(filter, whereParams);
        params.addAll(whereParams);
        String sql =
                "SELECT s.id, count(*) OVER () AS total, " + (covered.isEmpty() ? "0" : String.join(" + ", covered))
                        + " AS covered FROM service s WHERE " + where
                        // byte-order names: a stable tie-break that costs far less per row than a locale-aware sort
                        + " ORDER BY covered DESC, (coalesce(s.available, 0) > 0) DESC, s.available DESC NULLS LAST,"
                        + " lower(s.name) COLLATE \"C\", s.id LIMIT ? OFFSET ?";
        params.add(limit);
        params.add(offset);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, params);
                ResultSet rs = statement.executeQuery()) {
            List<UUID> ids = new ArrayList<>();
            long total = -1;
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
                total = rs.getLong(2);
            }
            return new Result(ids, total >= 0 ? total : count(connection, where, whereParams));
        } catch (SQLException e) {
            throw new IllegalStateException("directory search failed", e);
        }
    }

    private static long count(Connection connection, String where, List<Object> params) throws SQLException {
        try (PreparedStatement statement =
                        prepare(connection, "SELECT count(*) FROM service s WHERE " + where, params);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String where(Filter filter, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add("TRUE");
        if (!filter.needs().isEmpty()) {
            clauses.add(filter.allNeeds() ? "s.needs @> ?::varchar[]" : "s.needs && ?::varchar[]");
            params.add(filter.needs());
        }
        if (!filter.areas().isEmpty()) {
            clauses.add("s.service_areas && ?::varchar[]");
            params.add(filter.areas());
        }
        if (!filter.languages().isEmpty()) {
            clauses.add("s.languages && ?::varchar[]");
            params.add(filter.languages());
        }
        if (filter.age() != null) {
            clauses.add("(s.min_age IS NULL OR s.min_age <= ?) AND (s.max_age IS NULL OR s.max_age >= ?)");
            params.add(filter.age());
            params.add(filter.age());
        }
        if (filter.grade() != null) {
            clauses.add("(s.min_grade IS NULL OR s.min_grade <= ?) AND (s.max_grade IS NULL OR s.max_grade >= ?)");
            params.add(filter.grade());
            params.add(filter.grade());
        }
        if (filter.withCapacity()) {
            clauses.add("s.available > 0");
        }
        if (filter.status() != null) {
            clauses.add("s.status = ?");
            params.add(filter.status());
        }
        if (filter.text() != null) {
            clauses.add(TEXT + " LIKE ? ESCAPE '\\'");
            params.add("%" + escapeLike(filter.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        return String.join(" AND ", clauses);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> params)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof List<?> values) {
                statement.setArray(i + 1, connection.createArrayOf("varchar", values.toArray()));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
