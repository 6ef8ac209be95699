package org.bridgeway.screening.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.bridgeway.screening.api.ReportDtos.CohortSummary;
import org.bridgeway.screening.api.ReportDtos.DomainBands;
import org.bridgeway.screening.api.ReportDtos.Funnel;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Aggregates for analysts and coordinators: counts only, every small cell suppressed. */
@ApplicationScoped
public class ReportService {

    private final AgroalDataSource dataSource;
    private final InstrumentCatalog instruments;

    ReportService(AgroalDataSource dataSource, InstrumentCatalog instruments) {
        this.dataSource = dataSource;
        this.instruments = instruments;
    }

    public CohortSummary summary(String boardId, String schoolId, Integer grade, String instrument, int version) {
        InstrumentDefinition definition = instruments.find(instrument, version).orElseThrow(() ->
                org.bridgeway.platform.problem.ApiException.invalidField("version", "unknown instrument version " + instrument + " v" + version));
        String filter = " FROM screening s WHERE s.board_id = ? AND s.instrument_key = ? AND s.instrument_version = ?"
                + " AND (?::text IS NULL OR s.school_id = ?) AND (?::int IS NULL OR s.grade = ?)";
        try (Connection c = dataSource.getConnection()) {
            long screened;
            long flagged;
            try (PreparedStatement totals = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE s.flagged)" + filter)) {
                bind(totals, boardId, instrument, version, schoolId, grade);
                try (ResultSet rs = totals.executeQuery()) {
                    rs.next();
                    screened = rs.getLong(1);
                    flagged = rs.getLong(2);
                }
            }
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            for (InstrumentDefinition.Domain domain : definition.domains()) {
                Map<String, Long> bands = new LinkedHashMap<>();
                definition.bandOrder().forEach(b -> bands.put(b, 0L));
                bands.put("incomplete", 0L);
                counts.put(domain.key(), bands);
            }
            try (PreparedStatement byBand = c.prepareStatement(
                    "SELECT d->>'domain', coalesce(d->>'band', 'incomplete'), count(*)"
                            + filter.replace("FROM screening s", "FROM screening s, jsonb_array_elements(s.result->'domains') d")
                            + " GROUP BY 1, 2")) {
                bind(byBand, boardId, instrument, version, schoolId, grade);
                try (ResultSet rs = byBand.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Long> bands = counts.get(rs.getString(1));
                        if (bands != null) {
                            bands.put(rs.getString(2), rs.getLong(3));
                        }
                    }
                }
            }
            List<DomainBands> domains = new ArrayList<>();
            counts.forEach((domain, bands) -> {
                var row = SmallCells.row(bands);
                var incomplete = row.remove("incomplete");
                domains.add(new DomainBands(domain, row, incomplete));
            });
            return new CohortSummary(boardId, schoolId, grade, instrument, version, SmallCells.cell(screened),
                    SmallCells.part(flagged, screened), domains, SmallCells.THRESHOLD);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Funnel funnel(String boardId, String schoolId, LocalDate from, LocalDate to) {
        String sql = "SELECT count(*),"
                + " count(*) FILTER (WHERE flagged),"
                + " count(*) FILTER (WHERE review_decision = 'confirmed'),"
                + " count(*) FILTER (WHERE review_decision = 'confirmed' AND NOT known_to_staff),"
                + " count(*) FILTER (WHERE referred_at IS NOT NULL),"
                + " count(*) FILTER (WHERE accepted_at IS NOT NULL),"
                + " count(*) FILTER (WHERE completed_at IS NOT NULL),"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - created_at) / 86400.0)"
                + "   FILTER (WHERE flagged AND accepted_at IS NOT NULL)"
                + " FROM screening WHERE board_id = ? AND (?::text IS NULL OR school_id = ?)"
                + " AND administered_on >= ? AND administered_on <= ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, boardId);
            query.setString(2, schoolId);
            query.setString(3, schoolId);
            query.setObject(4, from);
            query.setObject(5, to);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                long screened = rs.getLong(1);
                long flagged = rs.getLong(2);
                long validated = rs.getLong(3);
                long hidden = rs.getLong(4);
                long accepted = rs.getLong(6);
                Double median = accepted < SmallCells.THRESHOLD || rs.getObject(8) == null ? null
                        : Math.round(rs.getDouble(8) * 10) / 10.0;
                return new Funnel(boardId, schoolId, from, to, SmallCells.cell(screened), SmallCells.part(flagged, screened),
                        SmallCells.share(flagged, screened), SmallCells.cell(validated), SmallCells.share(hidden, validated),
                        SmallCells.cell(rs.getLong(5)), SmallCells.cell(accepted), SmallCells.cell(rs.getLong(7)),
                        median, SmallCells.THRESHOLD);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, String boardId, String instrument, int version, String schoolId,
            Integer grade) throws SQLException {
        statement.setString(1, boardId);
        statement.setString(2, instrument);
        statement.setInt(3, version);
        statement.setString(4, schoolId);
        statement.setString(5, schoolId);
        statement.setObject(6, grade, java.sql.Types.INTEGER);
        statement.setObject(7, grade, java.sql.Types.INTEGER);
    }
}
