package org.bridgeway.screening.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.bridgeway.platform.api.Page;
import org.bridgeway.platform.api.PageRequest;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.screening.api.BatchDtos.BatchView;
import org.bridgeway.screening.api.BatchDtos.RowError;
import org.bridgeway.screening.domain.scoring.Violation;
import org.bridgeway.screening.store.BatchRecord;
import org.bridgeway.screening.store.ScreeningWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bulk ingest from the SIS. The upload is spooled to disk and checked for well-formedness, then
 * answered 202; rows are scored and written in chunks, each chunk one transaction with JDBC
 * batching, so progress is visible while it runs and a bad row never takes good rows with it.
 */
@ApplicationScoped
public class BatchService {

    private final ResponseScorer scorer;
    private final ScreeningWriter writer;
    private final ScreeningService screenings;
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final int chunkSize;
    private final ExecutorService workers;

    BatchService(ResponseScorer scorer, ScreeningWriter writer, ScreeningService screenings, AgroalDataSource dataSource,
            ObjectMapper json, @ConfigProperty(name = "bridgeway.batch.chunk-size", defaultValue = "500") int chunkSize,
            @ConfigProperty(name = "bridgeway.batch.workers", defaultValue = "2") int workers) {
        this.scorer = scorer;
        this.writer = writer;
        this.screenings = screenings;
        this.dataSource = dataSource;
        this.json = json;
        this.chunkSize = chunkSize;
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "batch-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A batch that was running when the service stopped cannot resume from a spool file that is gone. */
    void failInterrupted(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> BatchRecord.update(
                "status = ?1, detail = ?2, finishedAt = ?3 where status in (?4, ?5)", BatchRecord.FAILED,
                "interrupted by a service restart; submit it again: rows already stored are reported as duplicates",
                Instant.now(), BatchRecord.ACCEPTED, BatchRecord.PROCESSING));
    }

    void stop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }

    public BatchView accept(String boardId, String format, InputStream body, String actor) {
        Path spool;
        int rows;
        try {
            spool = Files.createTempFile("bridgeway-batch-", "." + format);
            Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
            try (InputStream in = Files.newInputStream(spool)) {
                rows = BatchRows.count(format, in, json);
            }
        } catch (IOException e) {
            throw ApiException.badRequest("The batch cannot be read: " + e.getMessage() + ". Nothing was stored.", null);
        }
        if (rows == 0) {
            deleteQuietly(spool);
            throw ApiException.badRequest("The batch has no rows.", null);
        }
        UUID id = UUID.randomUUID();
        BatchRecord batch = QuarkusTransaction.requiringNew().call(() -> {
            BatchRecord record = new BatchRecord();
            record.id = id;
            record.boardId = boardId;
            record.format = format;
            record.status = BatchRecord.ACCEPTED;
            record.totalRows = rows;
            record.createdBy = actor;
            record.createdAt = Instant.now();
            record.persist();
            return record;
        });
        workers.submit(() -> run(id, boardId, format, spool));
        return view(batch);
    }

    private void run(UUID id, String boardId, String format, Path spool) {
        try (InputStream in = Files.newInputStream(spool); BatchRows rows = BatchRows.open(format, in, json)) {
            QuarkusTransaction.requiringNew().run(() -> BatchRecord.update("status = ?1 where id = ?2", BatchRecord.PROCESSING, id));
            List<BatchRows.Row> chunk = new ArrayList<>(chunkSize);
            BatchRows.Row row;
            while ((row = rows.next()) != null) {
                chunk.add(row);
                if (chunk.size() == chunkSize) {
                    processChunk(id, boardId, chunk);
                    chunk.clear();
                }
            }
            processChunk(id, boardId, chunk);
            QuarkusTransaction.requiringNew().run(() -> BatchRecord.update("status = ?1, finishedAt = ?2 where id = ?3",
                    BatchRecord.COMPLETED, Instant.now(), id));
        } catch (Exception e) {
            Log.errorf(e, "batch %s failed", id);
            QuarkusTransaction.requiringNew().run(() -> BatchRecord.update("status = ?1, finishedAt = ?2, detail = ?3 where id = ?4",
                    BatchRecord.FAILED, Instant.now(), "stopped: " + e.getMessage() + "; rows reported so far are final", id));
        } finally {
            deleteQuietly(spool);
        }
    }

    private void processChunk(UUID batchId, String boardId, List<BatchRows.Row> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().timeout(300).run(() -> {
            Set<String> refs = new HashSet<>();
            for (BatchRows.Row row : chunk) {
                if (row.input() != null) {
                    String ref = scorer.studentRefOf(boardId, row.input());
                    if (ref != null) {
                        refs.add(ref);
                    }
                }
            }
            var students = writer.students(refs);
            List<ScoredScreening> scored = new ArrayList<>();
            List<Integer> scoredRows = new ArrayList<>();
            List<RowError> errors = new ArrayList<>();
            for (BatchRows.Row row : chunk) {
                if (row.input() == null) {
                    row.errors().forEach(v -> errors.add(new RowError(row.number(), v.field(), v.message())));
                    continue;
                }
                ResponseScorer.Outcome outcome = scorer.score(boardId, row.input(), students::get);
                if (outcome instanceof ResponseScorer.Scored ok) {
                    scored.add(ok.screening());
                    scoredRows.add(row.number());
                } else {
                    for (Violation v : ((ResponseScorer.Rejected) outcome).violations()) {
                        errors.add(new RowError(row.number(), v.field(), v.message()));
                    }
                }
            }
            boolean[] stored = writer.insert(scored, batchId, Instant.now());
            List<ScoredScreening> fresh = new ArrayList<>();
            for (int i = 0; i < stored.length; i++) {
                if (stored[i]) {
                    fresh.add(scored.get(i));
                } else {
                    errors.add(new RowError(scoredRows.get(i), "administeredOn",
                            "this student's response to this instrument version on this day is already recorded"));
                }
            }
            int flagged = screenings.announce(fresh);
            writeErrors(batchId, errors);
            long failedRows = errors.stream().mapToInt(RowError::row).distinct().count();
            BatchRecord.update("processed = processed + ?1, succeeded = succeeded + ?2, failed = failed + ?3,"
                    + " flagged = flagged + ?4 where id = ?5", chunk.size(), fresh.size(), (int) failedRows, flagged, batchId);
        });
    }

    private void writeErrors(UUID batchId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO batch_error (batch_id, row_no, field, message) VALUES (?, ?, ?, ?)")) {
            for (RowError error : errors) {
                insert.setObject(1, batchId);
                insert.setInt(2, error.row());
                insert.setString(3, error.field());
                insert.setString(4, error.message());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store row errors", e);
        }
    }

    @Transactional
    public BatchRecord find(UUID id) {
        BatchRecord batch = BatchRecord.findById(id);
        if (batch == null) {
            throw ApiException.notFound("No batch " + id + ".");
        }
        return batch;
    }

    @Transactional
    public Page<RowError> errors(UUID id, PageRequest request) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM batch_error WHERE batch_id = ?");
             PreparedStatement select = c.prepareStatement(
                     "SELECT row_no, field, message FROM batch_error WHERE batch_id = ? ORDER BY row_no, field LIMIT ? OFFSET ?")) {
            count.setObject(1, id);
            long total;
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            select.setObject(1, id);
            select.setInt(2, request.size());
            select.setInt(3, request.offset());
            List<RowError> items = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(new RowError(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
            return Page.of(items, request, total);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static BatchView view(BatchRecord b) {
        return new BatchView(b.id, b.status, b.format, b.totalRows, b.processed, b.succeeded, b.failed, b.flagged,
                b.createdAt, b.finishedAt, b.detail, "/api/v1/screening/batches/" + b.id + "/errors");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.warnf("cannot delete spool file %s", file);
        }
    }
}
