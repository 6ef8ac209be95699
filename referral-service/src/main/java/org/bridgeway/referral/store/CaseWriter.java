package org.bridgeway.referral.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Opens many cases with one statement. {@code ON CONFLICT DO NOTHING} on the screening id makes a
 * redelivered or re-sent flag a no-op without a read first.
 */
@ApplicationScoped
public class CaseWriter {

    private static final String COLUMNS =
            "INSERT INTO referral_case (id, screening_id, student_ref, board_id, school_id,"
                    + " grade, age_years, suggested_tier, needs, domain_bands, status, opened_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'open', ?)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;

    CaseWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record NewCase(
            UUID screeningId,
            String studentRef,
            String boardId,
            String schoolId,
            Integer grade,
            Integer ageYears,
            int suggestedTier,
            List<String> needs,
            Map<String, String> domainBands,
            Instant openedAt) {}

    /** A case this call opened. */
    public record OpenedCase(UUID id, UUID screeningId, String boardId) {}

    /** @return the cases that were new; a screening that already has a case is skipped */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OpenedCase> open(List<NewCase> cases) {
        if (cases.isEmpty()) {
            return List.of();
        }
        String sql = COLUMNS + String.join(", ", Collections.nCopies(cases.size(), ROW))
                + " ON CONFLICT (screening_id) DO NOTHING RETURNING id, screening_id, board_id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            int i = 0;
            for (NewCase c : cases) {
                insert.setObject(++i, UUID.randomUUID());
                insert.setObject(++i, c.screeningId());
                insert.setString(++i, c.studentRef());
                insert.setString(++i, c.boardId());
                insert.setString(++i, c.schoolId());
                setInt(insert, ++i, c.grade());
                setInt(insert, ++i, c.ageYears());
                insert.setInt(++i, c.suggestedTier());
                insert.setArray(
                        ++i, connection.createArrayOf("varchar", c.needs().toArray()));
                insert.setString(++i, json(c.domainBands()));
                insert.setTimestamp(++i, Timestamp.from(c.openedAt()));
            }
            List<OpenedCase> opened = new ArrayList<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    opened.add(
                            new OpenedCase(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)));
                }
            }
            return opened;
        } catch (SQLException e) {
            throw new StoreException("cannot open cases", e);
        }
    }

    private static String json(Map<String, String> bands) {
        try {
            return JSON.writeValueAsString(bands == null ? Map.of() : bands);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unwritable domain bands", e);
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
