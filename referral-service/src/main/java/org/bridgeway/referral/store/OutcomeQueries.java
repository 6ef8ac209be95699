package org.bridgeway.referral.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The board's referral and closure figures over a period, counted in the database. */
@ApplicationScoped
public class OutcomeQueries {

    private static final String PERIOD = " FROM referral WHERE board_id = ? AND requested_at >= ? AND requested_at < ?";

    private final AgroalDataSource dataSource;

    OutcomeQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Seconds from request to acceptance are the median and p90 of the accepted referrals. */
    public record Totals(
            long sent, long accepted, long expired, Double medianSecondsToAccept, Double p90SecondsToAccept) {}

    public record PartnerRow(UUID organizationId, String organizationName, long sent, long accepted) {}

    public Totals totals(String boardId, Instant from, Instant to) {
        return query(
                        "SELECT count(*), count(accepted_at), count(*) FILTER (WHERE status = 'expired'),"
                                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - requested_at))"
                                + " FILTER (WHERE accepted_at IS NOT NULL),"
                                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - requested_at))"
                                + " FILTER (WHERE accepted_at IS NOT NULL)" + PERIOD,
                        boardId,
                        from,
                        to,
                        rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), (Double) rs.getObject(4), (Double)
                                rs.getObject(5)))
                .get(0);
    }

    /** Rejected referrals by reason. */
    public Map<String, Long> rejectedByReason(String boardId, Instant from, Instant to) {
        return counts(
                "SELECT reason, count(*)" + PERIOD + " AND status = 'rejected' GROUP BY reason ORDER BY reason",
                boardId,
                from,
                to);
    }

    /** Completed referrals by outcome. */
    public Map<String, Long> completedByOutcome(String boardId, Instant from, Instant to) {
        return counts(
                "SELECT outcome, count(*)" + PERIOD + " AND status = 'completed' GROUP BY outcome ORDER BY outcome",
                boardId,
                from,
                to);
    }

    public List<PartnerRow> perPartner(String boardId, Instant from, Instant to) {
        return query(
                "SELECT organization_id, max(organization_name), count(*), count(accepted_at)" + PERIOD
                        + " GROUP BY organization_id ORDER BY max(organization_name), organization_id",
                boardId,
                from,
                to,
                rs -> new PartnerRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    /** Cases closed or dismissed in the period, by closure outcome. */
    public Map<String, Long> closures(String boardId, Instant from, Instant to) {
        return counts(
                "SELECT closure_outcome, count(*) FROM referral_case WHERE board_id = ? AND closed_at >= ?"
                        + " AND closed_at < ? GROUP BY closure_outcome ORDER BY closure_outcome",
                boardId,
                from,
                to);
    }

    private Map<String, Long> counts(String sql, String boardId, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        query(sql, boardId, from, to, rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, String boardId, Instant from, Instant to, Row<T> row) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, boardId);
            statement.setTimestamp(2, Timestamp.from(from));
            statement.setTimestamp(3, Timestamp.from(to));
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("outcome query failed", e);
        }
    }
}
