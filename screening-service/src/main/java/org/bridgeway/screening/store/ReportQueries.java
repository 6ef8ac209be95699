package org.bridgeway.screening.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bridgeway.events.ScreeningReviewed;

/** The aggregate queries behind cohort summaries and the programme funnel: raw counts, suppressed by the caller. */
@ApplicationScoped
public class ReportQueries {

    /** A band count of an incomplete domain, which has no band. */
    public static final String INCOMPLETE = "incomplete";

    private static final String COHORT =
            " FROM screening s WHERE s.board_id = ? AND s.instrument_key = ? AND s.instrument_version = ?"
                    + " AND (?::text IS NULL OR s.school_id = ?) AND (?::int IS NULL OR s.grade = ?)";
    private static final String BANDS =
            "SELECT d->>'" + StoredResult.DOMAIN_KEY + "', coalesce(d->>'" + StoredResult.BAND_KEY
                    + "', '" + INCOMPLETE + "'), count(*)"
                    + COHORT.replace(
                            "FROM screening s",
                            "FROM screening s, jsonb_array_elements(s.result->'" + StoredResult.DOMAINS_KEY + "') d")
                    + " GROUP BY 1, 2";
    private static final String FUNNEL = "SELECT count(*),"
            + " count(*) FILTER (WHERE flagged),"
            + " count(*) FILTER (WHERE review_decision = ?),"
            + " count(*) FILTER (WHERE review_decision = ? AND NOT known_to_staff),"
            + " count(*) FILTER (WHERE referred_at IS NOT NULL),"
            + " count(*) FILTER (WHERE accepted_at IS NOT NULL),"
            + " count(*) FILTER (WHERE completed_at IS NOT NULL),"
            + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - created_at) / 86400.0)"
            + "   FILTER (WHERE flagged AND accepted_at IS NOT NULL)"
            + " FROM screening WHERE board_id = ? AND (?::text IS NULL OR school_id = ?)"
            + " AND administered_on >= ? AND administered_on <= ?";

    private final AgroalDataSource dataSource;

    ReportQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Which screenings a cohort summary counts. */
    public record Cohort(String boardId, String instrument, int version, String schoolId, Integer grade) {}

    /** Screened and flagged, and per domain the count of each band ({@value #INCOMPLETE} for incomplete domains). */
    public record CohortCounts(long screened, long flagged, Map<String, Map<String, Long>> bandsByDomain) {}

    /** The raw counts of the programme funnel; {@code medianDaysFlagToAccepted} is null without any accepted referral. */
    public record FunnelCounts(
            long screened,
            long flagged,
            long validated,
            long validatedUnknownToStaff,
            long referred,
            long accepted,
            long completed,
            Double medianDaysFlagToAccepted) {}

    public CohortCounts cohort(Cohort cohort) {
        try (Connection c = dataSource.getConnection()) {
            long screened;
            long flagged;
            try (PreparedStatement totals =
                    c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE s.flagged)" + COHORT)) {
                bind(totals, cohort);
                try (ResultSet rs = totals.executeQuery()) {
                    rs.next();
                    screened = rs.getLong(1);
                    flagged = rs.getLong(2);
                }
            }
            Map<String, Map<String, Long>> bands = new LinkedHashMap<>();
            try (PreparedStatement byBand = c.prepareStatement(BANDS)) {
                bind(byBand, cohort);
                try (ResultSet rs = byBand.executeQuery()) {
                    while (rs.next()) {
                        bands.computeIfAbsent(rs.getString(1), d -> new LinkedHashMap<>())
                                .put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
            return new CohortCounts(screened, flagged, bands);
        } catch (SQLException e) {
            throw new IllegalStateException("cohort counts failed", e);
        }
    }

    public FunnelCounts funnel(String boardId, String schoolId, LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(FUNNEL)) {
            query.setString(1, ScreeningReviewed.CONFIRMED);
            query.setString(2, ScreeningReviewed.CONFIRMED);
            query.setString(3, boardId);
            query.setString(4, schoolId);
            query.setString(5, schoolId);
            query.setObject(6, from);
            query.setObject(7, to);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                Double median = rs.getObject(8) == null ? null : rs.getDouble(8);
                return new FunnelCounts(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        median);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("funnel counts failed", e);
        }
    }

    private static void bind(PreparedStatement statement, Cohort cohort) throws SQLException {
        statement.setString(1, cohort.boardId());
        statement.setString(2, cohort.instrument());
        statement.setInt(3, cohort.version());
        statement.setString(4, cohort.schoolId());
        statement.setString(5, cohort.schoolId());
        statement.setObject(6, cohort.grade(), Types.INTEGER);
        statement.setObject(7, cohort.grade(), Types.INTEGER);
    }
}
