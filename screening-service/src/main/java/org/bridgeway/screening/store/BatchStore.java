package org.bridgeway.screening.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Bulk uploads and their progress counters. */
@ApplicationScoped
public class BatchStore {

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Batch batch) {
        batch.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Batch> find(UUID id) {
        return Batch.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markProcessing(UUID id) {
        Batch.update("status = ?1 where id = ?2", Batch.PROCESSING, id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markCompleted(UUID id, Instant at) {
        Batch.update("status = ?1, finishedAt = ?2 where id = ?3", Batch.COMPLETED, at, id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markFailed(UUID id, Instant at, String detail) {
        Batch.update("status = ?1, finishedAt = ?2, detail = ?3 where id = ?4", Batch.FAILED, at, detail, id);
    }

    /** Fails every batch still accepted or processing; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int failUnfinished(Instant at, String detail) {
        return Batch.update(
                "status = ?1, detail = ?2, finishedAt = ?3 where status in (?4, ?5)",
                Batch.FAILED,
                detail,
                at,
                Batch.ACCEPTED,
                Batch.PROCESSING);
    }

    /** Adds one chunk's outcome to the batch's counters, in the chunk's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addProgress(UUID id, int processed, int succeeded, int failed, int flagged) {
        Batch.update(
                "processed = processed + ?1, succeeded = succeeded + ?2, failed = failed + ?3,"
                        + " flagged = flagged + ?4 where id = ?5",
                processed,
                succeeded,
                failed,
                flagged,
                id);
    }
}
