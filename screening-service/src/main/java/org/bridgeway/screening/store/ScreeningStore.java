package org.bridgeway.screening.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
     * One statement per chunk, whatever its size: the rows travel as one array per column and PostgreSQL plans and
     * executes the insert once, where a JDBC batch executes it once per row. A duplicate (an earlier row, or one
     * earlier in the same chunk) is skipped, and RETURNING says which rows were stored.
     */
    private static final String INSERT = "INSERT INTO screening (id, student_ref, board_id, school_id, grade,"
            + " age_years, instrument_key, instrument_version, administered_on, answers, result, flagged, suggested_tier,"
            + " batch_id, created_at)"
            + " SELECT r.id, r.student_ref, r.board_id, r.school_id, r.grade, r.age_years, r.instrument_key,"
            + " r.instrument_version, r.administered_on, r.answers::jsonb, r.result::jsonb, r.flagged, r.suggested_tier,"
            + " ?::uuid, ?::timestamptz"
            + " FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::text[], ?::int[],"
            + " ?::date[], ?::text[], ?::text[], ?::boolean[], ?::int[])"
            + " AS r (id, student_ref, board_id, school_id, grade, age_years, instrument_key, instrument_version,"
            + " administered_on, answers, result, flagged, suggested_tier)"
            + " ON CONFLICT (student_ref, instrument_key, instrument_version, administered_on) DO NOTHING"
            + " RETURNING id";

    /** One screening with its two JSON columns written out. */
    private record Row(ScoredScreening screening, String answers, String result) {}

    /** An array parameter of the unnest: its element type and each row's value. */
    private record Column(String elementType, Function<Row, Object> value) {}

    /** In the order of the unnest's arrays (parameters 3 onwards); dates and JSON travel as text and are cast. */
    private static final List<Column> COLUMNS = List.of(
            new Column("uuid", r -> r.screening().id()),
            new Column("text", r -> r.screening().studentRef()),
            new Column("text", r -> r.screening().boardId()),
            new Column("text", r -> r.screening().schoolId()),
            new Column("int4", r -> r.screening().grade()),
            new Column("int4", r -> r.screening().ageYears()),
            new Column("text", r -> r.screening().instrumentKey()),
            new Column("int4", r -> r.screening().instrumentVersion()),
            new Column("text", r -> r.screening().administeredOn().toString()),
            new Column("text", Row::answers),
            new Column("text", Row::result),
            new Column("bool", r -> r.screening().score().flagged()),
            new Column("int4", r -> r.screening().score().suggestedTier()));

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
        List<Row> rows = new ArrayList<>(screenings.size());
        try {
            for (ScoredScreening s : screenings) {
                rows.add(
                        new Row(s, json.writeValueAsString(s.answers()), json.writeValueAsString(resultOf(s.score()))));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("storing screenings failed", e);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, batchId);
            insert.setObject(2, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            int parameter = 3;
            for (Column column : COLUMNS) {
                Object[] values = rows.stream().map(column.value()).toArray();
                insert.setArray(parameter++, connection.createArrayOf(column.elementType(), values));
            }
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
