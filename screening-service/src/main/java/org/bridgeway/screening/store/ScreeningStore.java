package org.bridgeway.screening.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.screening.domain.ScoredScreening;
import org.bridgeway.screening.domain.scoring.Score;

/**
 * Scored screenings. The write path is shared by single submits and batches: one statement per chunk, and a
 * screening already recorded (same student, instrument version and day) is skipped and reported, never stored twice.
 */
@ApplicationScoped
public class ScreeningStore {

    /**
     * One statement per chunk, whatever its size: the rows travel as one JSON array that PostgreSQL unpacks with
     * {@code json_to_recordset}, and it plans and executes the insert once, where a JDBC batch executes it once per
     * row. The answers and the result are nested in each row's object, so no JSON is written twice or escaped into an
     * array literal (a bulk ingest's profile had a third of this method in those two steps). A duplicate (an
     * earlier row, or one earlier in the same chunk) is skipped, and RETURNING says which rows were stored.
     */
    private static final String INSERT = "INSERT INTO screening (id, student_ref, board_id, school_id, grade,"
            + " age_years, instrument_key, instrument_version, administered_on, answers, result, flagged, suggested_tier,"
            + " batch_id, created_at)"
            + " SELECT r.id, r.student_ref, r.board_id, r.school_id, r.grade, r.age_years, r.instrument_key,"
            + " r.instrument_version, r.administered_on, r.answers, r.result, r.flagged, r.suggested_tier,"
            + " ?::uuid, ?::timestamptz"
            + " FROM json_to_recordset(?::json) AS r (id uuid, student_ref text, board_id text, school_id text,"
            + " grade int, age_years int, instrument_key text, instrument_version int, administered_on date,"
            + " answers jsonb, result jsonb, flagged boolean, suggested_tier int)"
            + " ON CONFLICT (student_ref, instrument_key, instrument_version, administered_on) DO NOTHING"
            + " RETURNING id";

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
        String rows = rows(screenings);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, batchId);
            insert.setObject(2, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            insert.setString(3, rows);
            Set<UUID> inserted = new HashSet<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
            for (int i = 0; i < stored.length; i++) {
                stored[i] = inserted.contains(screenings.get(i).id());
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("storing screenings failed", e);
        }
    }

    /** The rows as the JSON array {@link #INSERT} reads, keys named as its record's columns. */
    private String rows(List<ScoredScreening> screenings) {
        StringWriter out = new StringWriter(screenings.size() * 1024);
        try (JsonGenerator row = json.getFactory().createGenerator(out)) {
            row.writeStartArray();
            for (ScoredScreening s : screenings) {
                row.writeStartObject();
                row.writeStringField("id", s.id().toString());
                row.writeStringField("student_ref", s.studentRef());
                row.writeStringField("board_id", s.boardId());
                row.writeStringField("school_id", s.schoolId());
                row.writeObjectField("grade", s.grade());
                row.writeObjectField("age_years", s.ageYears());
                row.writeStringField("instrument_key", s.instrumentKey());
                row.writeNumberField("instrument_version", s.instrumentVersion());
                row.writeStringField("administered_on", s.administeredOn().toString());
                row.writeObjectField("answers", s.answers());
                row.writeObjectField("result", resultOf(s.score()));
                row.writeBooleanField("flagged", s.score().flagged());
                row.writeNumberField("suggested_tier", s.score().suggestedTier());
                row.writeEndObject();
            }
            row.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("storing screenings failed", e);
        }
        return out.toString();
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
