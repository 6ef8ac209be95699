package org.bridgeway.screening.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.screening.store.Batch;
import org.bridgeway.screening.store.BatchStore;
import org.bridgeway.screening.store.RowErrorStore;

/**
 * Bulk ingest from the SIS, the part the caller waits for: the upload is spooled to disk and checked for
 * well-formedness, the batch recorded and handed to the {@link BatchWorker}, and the caller answered 202.
 * Also answers for a batch afterwards: its progress and its row errors.
 */
@ApplicationScoped
public class BatchIntake {

    private final BatchStore batches;
    private final RowErrorStore rowErrors;
    private final BatchWorker worker;
    private final BatchSpool spools;
    private final ObjectMapper json;

    BatchIntake(BatchStore batches, RowErrorStore rowErrors, BatchWorker worker, BatchSpool spools, ObjectMapper json) {
        this.batches = batches;
        this.rowErrors = rowErrors;
        this.worker = worker;
        this.spools = spools;
        this.json = json;
    }

    public BatchProgress accept(Caller caller, String boardId, String format, InputStream body) {
        Scope.requireBoard(caller, boardId);
        Path spool;
        try {
            spool = spools.write(body, format);
        } catch (IOException e) {
            throw ApiException.badRequest("The batch cannot be read. Nothing was stored.", null);
        }
        boolean handedOver = false;
        try {
            Batch batch = record(caller, boardId, format, countRows(format, spool));
            worker.start(batch.id, boardId, format, spool);
            handedOver = true;
            return progress(batch);
        } finally {
            if (!handedOver) {
                BatchSpool.delete(spool);
            }
        }
    }

    private int countRows(String format, Path spool) {
        int rows;
        try (InputStream in = Files.newInputStream(spool)) {
            rows = BatchRows.count(format, in, json);
        } catch (IOException e) {
            throw ApiException.badRequest(
                    "The batch cannot be read: " + e.getMessage() + ". Nothing was stored.", null);
        }
        if (rows == 0) {
            throw ApiException.badRequest("The batch has no rows.", null);
        }
        return rows;
    }

    private Batch record(Caller caller, String boardId, String format, int rows) {
        Batch batch = new Batch();
        batch.id = UUID.randomUUID();
        batch.boardId = boardId;
        batch.format = format;
        batch.status = Batch.ACCEPTED;
        batch.totalRows = rows;
        batch.createdBy = caller.subject();
        batch.createdAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> batches.add(batch));
        return batch;
    }

    @Transactional
    public BatchProgress progress(Caller caller, UUID id) {
        return progress(reachable(caller, id));
    }

    @Transactional
    public Page<RowError> rowErrors(Caller caller, UUID id, PageRequest request) {
        reachable(caller, id);
        return rowErrors.page(id, request);
    }

    /** Another board's batch is as absent as a missing one: 404 either way, so ids reveal nothing. */
    private Batch reachable(Caller caller, UUID id) {
        return batches.find(id)
                .filter(batch -> Scope.reachesBoard(caller, batch.boardId))
                .orElseThrow(() -> ApiException.notFound("No batch " + id + "."));
    }

    private static BatchProgress progress(Batch b) {
        return new BatchProgress(
                b.id,
                b.status,
                b.format,
                b.totalRows,
                b.processed,
                b.succeeded,
                b.failed,
                b.flagged,
                b.createdAt,
                b.finishedAt,
                b.detail);
    }
}
