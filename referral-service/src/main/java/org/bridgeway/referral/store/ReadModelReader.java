package org.bridgeway.referral.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the partner read models for the in-memory matching snapshot, whole or since a change number. */
@ApplicationScoped
public class ReadModelReader {

    private final AgroalDataSource dataSource;

    ReadModelReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record ServiceRow(
            UUID serviceId,
            UUID organizationId,
            String organizationName,
            String name,
            List<String> needs,
            Integer minAge,
            Integer maxAge,
            Integer minGrade,
            Integer maxGrade,
            List<String> languages,
            List<String> serviceAreas,
            String status,
            Integer available,
            Integer maximum,
            String waitlist,
            long changeSeq) {}

    public record AgreementRow(
            UUID agreementId,
            UUID organizationId,
            String boardId,
            List<String> scopes,
            LocalDate validFrom,
            LocalDate validTo,
            String status,
            long changeSeq) {}

    /** The highest change number of either read model; a snapshot older than this must refresh. */
    public long lastChange() {
        return query(
                        "SELECT greatest((SELECT max(change_seq) FROM partner_service),"
                                + " (SELECT max(change_seq) FROM partner_agreement))",
                        rs -> rs.getLong(1))
                .stream()
                .findFirst()
                .orElse(0L);
    }

    public List<ServiceRow> servicesChangedAfter(long seq) {
        return query(
                "SELECT * FROM partner_service WHERE change_seq > " + seq,
                rs -> new ServiceRow(
                        rs.getObject("service_id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("organization_name"),
                        rs.getString("name"),
                        strings(rs.getArray("needs")),
                        integer(rs, "min_age"),
                        integer(rs, "max_age"),
                        integer(rs, "min_grade"),
                        integer(rs, "max_grade"),
                        strings(rs.getArray("languages")),
                        strings(rs.getArray("service_areas")),
                        rs.getString("status"),
                        integer(rs, "available"),
                        integer(rs, "maximum"),
                        rs.getString("waitlist"),
                        rs.getLong("change_seq")));
    }

    public List<AgreementRow> agreementsChangedAfter(long seq) {
        return query(
                "SELECT * FROM partner_agreement WHERE change_seq > " + seq,
                rs -> new AgreementRow(
                        rs.getObject("agreement_id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("board_id"),
                        strings(rs.getArray("scopes")),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class),
                        rs.getString("status"),
                        rs.getLong("change_seq")));
    }

    public Optional<String> consent(String studentRef) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT status FROM student_consent WHERE student_ref = ?")) {
            statement.setString(1, studentRef);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("consent read failed", e);
        }
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("read model query failed", e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
