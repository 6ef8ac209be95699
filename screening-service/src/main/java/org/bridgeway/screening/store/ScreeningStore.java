package org.bridgeway.screening.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.screening.domain.ScoredScreening;
import org.bridgeway.screening.domain.scoring.Score;

/**
 * Scored screenings. The write path is shared by single submits and batches: one JDBC batch per chunk, and a
 * screening already recorded (same student, instrument version and day) is skipped and reported, never stored twice.
 */
@ApplicationScoped
public class ScreeningStore {

    private static final String INSERT =
            "INSERT INTO screening (id, student_ref, board_id, school_id, grade, age_years,"
                    + " instrument_key, instrument_version, administered_on, answers, result, flagged, suggested_tier, batch_id, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)"
                    + " ON CONFLICT (student_ref, instrument_key, instrument_version, administered_on) DO NOTHING";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    ScreeningStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * @param createdAt stored as given (PostgreSQL keeps microseconds), so a caller can answer with it
     * @return for each screening, in order, whether it was stored (false: a duplicate)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] insert(List<ScoredScreening> screenings, UUID batchId, Instant createdAt) {
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
                insert.setString(11, json.writeValueAsString(resultOf(s.score())));
                insert.setBoolean(12, s.score().flagged());
                insert.setInt(13, s.score().suggestedTier());
                insert.setObject(14, batchId);
                insert.setObject(15, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
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

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Screening> find(UUID id) {
        return id == null ? Optional.empty() : Screening.findByIdOptional(id);
    }

    /** The filter's screenings, newest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<Screening> page(SchoolFilter filter, Boolean flagged, PageRequest request) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder query = new StringBuilder(filter.where(params));
        if (flagged != null) {
            query.append(" and flagged = :flagged");
            params.put("flagged", flagged);
        }
        var found = Screening.<Screening>find(query + " order by createdAt desc, id", params);
        return Page.of(found.page(request.page(), request.size()).list(), request, found.count());
    }

    /** The stored result of a screening, as it was scored. */
    public StoredResult result(Screening screening) {
        try {
            return json.readValue(screening.result, StoredResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result of screening " + screening.id + " unreadable", e);
        }
    }

    /** The stored shape of a fresh score, the same that {@link #result} reads back. */
    public static StoredResult resultOf(Score score) {
        return new StoredResult(
                score.domains().stream()
                        .map(d -> new StoredResult.Domain(
                                d.key(),
                                d.label(),
                                d.score(),
                                d.band(),
                                d.complete(),
                                d.answered(),
                                d.itemCount(),
                                d.drivers(),
                                d.needs()))
                        .toList(),
                score.needs());
    }
}
