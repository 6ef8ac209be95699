package org.bridgeway.screening.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bridgeway.screening.domain.ResponseScorer.StudentFacts;
import org.bridgeway.screening.domain.ScoredScreening;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The write path of scored screenings, shared by single submits and batches: one JDBC batch per
 * chunk. A screening already recorded (same student, instrument version and day) is skipped and
 * reported, never stored twice.
 */
@ApplicationScoped
public class ScreeningWriter {

    private static final String INSERT = "INSERT INTO screening (id, student_ref, board_id, school_id, grade, age_years,"
            + " instrument_key, instrument_version, administered_on, answers, result, flagged, suggested_tier, batch_id, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)"
            + " ON CONFLICT (student_ref, instrument_key, instrument_version, administered_on) DO NOTHING";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    ScreeningWriter(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * @param createdAt stored as given (PostgreSQL keeps microseconds), so a caller can answer with it
     * @return for each screening, in order, whether it was stored (false: a duplicate)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] insert(List<ScoredScreening> screenings, UUID batchId, java.time.Instant createdAt) {
        boolean[] stored = new boolean[screenings.size()];
        if (screenings.isEmpty()) {
            return stored;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (ScoredScreening s : screenings) {
                insert.setObject(1, s.id());
                insert.setString(2, s.studentRef());
                insert.setString(3, s.boardId());
                insert.setString(4, s.schoolId());
                insert.setObject(5, s.grade());
                insert.setObject(6, s.ageYears());
                insert.setString(7, s.instrumentKey());
                insert.setInt(8, s.instrumentVersion());
                insert.setObject(9, s.administeredOn());
                insert.setString(10, json.writeValueAsString(s.answers()));
                insert.setString(11, json.writeValueAsString(ScreeningResult.of(s.score())));
                insert.setBoolean(12, s.score().flagged());
                insert.setInt(13, s.score().suggestedTier());
                insert.setObject(14, batchId);
                insert.setObject(15, java.time.OffsetDateTime.ofInstant(createdAt, java.time.ZoneOffset.UTC));
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                stored[i] = counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO;
            }
            return stored;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("storing screenings failed", e);
        }
    }

    /** Loads the facts rows need about their students, in one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, StudentFacts> students(Collection<String> studentRefs) {
        Map<String, StudentFacts> facts = new HashMap<>();
        if (studentRefs.isEmpty()) {
            return facts;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT student_ref, board_id, school_id, grade, birth_month FROM student WHERE student_ref = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", new ArrayList<>(studentRefs).toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    facts.put(rs.getString(1), new StudentFacts(rs.getString(1), rs.getString(2), rs.getString(3),
                            (Integer) rs.getObject(4), rs.getObject(5, java.time.LocalDate.class)));
                }
            }
            return facts;
        } catch (SQLException e) {
            throw new IllegalStateException("reading students failed", e);
        }
    }
}
