package org.bridgeway.screening.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.bridgeway.platform.database.DatabaseUnreachable;
import org.bridgeway.platform.database.TransientFailures;
import org.bridgeway.platform.messaging.Backoff;
import org.bridgeway.platform.messaging.Retries;
import org.bridgeway.screening.domain.scoring.Violation;
import org.bridgeway.screening.store.BatchStore;
import org.bridgeway.screening.store.RosterStore;
import org.bridgeway.screening.store.RowErrorStore;
import org.bridgeway.screening.store.ScreeningStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Works through accepted batches on its own threads: rows are scored and written in chunks, each chunk one
 * transaction with JDBC batching, so progress is visible while it runs and a bad row never takes good rows with it.
 * A batch keeps up to {@code bridgeway.batch.chunks-in-flight} chunks going at once, so one chunk's scoring
 * overlaps another's round trips to PostgreSQL (a single chunk at a time left both the CPU and the database
 * half idle). A chunk that loses a deadlock to its neighbour (two rows of one student and day in two chunks)
 * is rolled back and run again; which of the two rows is then reported as the duplicate is not defined.
 * While PostgreSQL cannot be reached a chunk waits and tries again, with backoff, for up to
 * {@code bridgeway.batch.outage-patience} (10 minutes): the batch resumes where it stood once the database
 * is back, instead of failing with its spool file gone.
 */
@ApplicationScoped
public class BatchWorker {

    private static final int MAX_CHUNK_ATTEMPTS = 3;
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    private final ResponseScorer scorer;
    private final ScreeningStore screenings;
    private final RosterStore roster;
    private final BatchStore batches;
    private final RowErrorStore rowErrors;
    private final ScreeningAnnouncer announcer;
    private final ObjectMapper json;
    private final int chunkSize;
    private final int chunksInFlight;
    private final Duration outagePatience;
    private final ExecutorService workers;
    private final ExecutorService chunkWorkers;

    BatchWorker(
            ResponseScorer scorer,
            ScreeningStore screenings,
            RosterStore roster,
            BatchStore batches,
            RowErrorStore rowErrors,
            ScreeningAnnouncer announcer,
            ObjectMapper json,
            @ConfigProperty(name = "bridgeway.batch.chunk-size", defaultValue = "500") int chunkSize,
            @ConfigProperty(name = "bridgeway.batch.workers", defaultValue = "2") int workers,
            @ConfigProperty(name = "bridgeway.batch.chunks-in-flight", defaultValue = "2") int chunksInFlight,
            @ConfigProperty(name = "bridgeway.batch.outage-patience", defaultValue = "PT10M") Duration outagePatience) {
        this.scorer = scorer;
        this.screenings = screenings;
        this.roster = roster;
        this.batches = batches;
        this.rowErrors = rowErrors;
        this.announcer = announcer;
        this.json = json;
        this.chunkSize = chunkSize;
        this.chunksInFlight = Math.max(1, chunksInFlight);
        this.outagePatience = outagePatience;
        this.workers = Executors.newFixedThreadPool(workers, daemon("batch-worker"));
        this.chunkWorkers = Executors.newFixedThreadPool(workers * this.chunksInFlight, daemon("batch-chunk"));
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A batch that was running when the service stopped cannot resume from a spool file that is gone. */
    void failInterrupted(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew()
                .run(
                        () -> batches.failUnfinished(
                                Instant.now(),
                                "interrupted by a service restart; submit it again: rows already stored are reported as duplicates"));
    }

    void stop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
        chunkWorkers.shutdownNow();
    }

    /** Queues the spooled batch; the spool file is deleted once it is worked through. */
    void start(UUID id, String boardId, String format, Path spool) {
        workers.submit(() -> run(id, boardId, format, spool));
    }

    private void run(UUID id, String boardId, String format, Path spool) {
        try (InputStream in = Files.newInputStream(spool);
                BatchRows rows = BatchRows.open(format, in, json)) {
            patiently(id, () -> QuarkusTransaction.requiringNew().run(() -> batches.markProcessing(id)));
            ChunksInFlight inFlight = new ChunksInFlight(chunksInFlight);
            List<BatchRows.Row> chunk = new ArrayList<>(chunkSize);
            BatchRows.Row row;
            while ((row = rows.next()) != null) {
                chunk.add(row);
                if (chunk.size() == chunkSize) {
                    List<BatchRows.Row> full = chunk;
                    inFlight.submit(chunkWorkers, () -> processChunk(id, boardId, full));
                    chunk = new ArrayList<>(chunkSize);
                }
            }
            List<BatchRows.Row> last = chunk;
            inFlight.submit(chunkWorkers, () -> processChunk(id, boardId, last));
            inFlight.awaitAll();
            patiently(id, () -> QuarkusTransaction.requiringNew().run(() -> batches.markCompleted(id, Instant.now())));
        } catch (Exception e) {
            // The client reads the detail: an incident id to find in the log, never an exception's own words.
            String incident = UUID.randomUUID().toString();
            Log.errorf(e, "batch %s failed, incident %s", id, incident);
            QuarkusTransaction.requiringNew()
                    .run(() -> batches.markFailed(
                            id,
                            Instant.now(),
                            "stopped by a failure on our side (incident " + incident
                                    + "); rows reported so far are final"));
        } finally {
            BatchSpool.delete(spool);
        }
    }

    private void processChunk(UUID batchId, String boardId, List<BatchRows.Row> chunk) {
        if (!chunk.isEmpty()) {
            patiently(batchId, () -> storeChunk(batchId, boardId, chunk));
        }
    }

    /** Runs a transaction of the batch again after a lost deadlock, or for as long as the database is out of reach. */
    private void patiently(UUID batchId, Runnable transaction) {
        long giveUpAt = System.nanoTime() + outagePatience.toNanos();
        AtomicInteger contended = new AtomicInteger();
        RuntimeException failed = Retries.run(
                BACKOFF,
                "batch " + batchId,
                e -> DatabaseUnreachable.causedBy(e)
                        ? System.nanoTime() < giveUpAt
                        : TransientFailures.isTransient(e) && contended.incrementAndGet() < MAX_CHUNK_ATTEMPTS,
                () -> {},
                transaction);
        if (failed != null) {
            throw failed;
        }
    }

    private void storeChunk(UUID batchId, String boardId, List<BatchRows.Row> chunk) {
        QuarkusTransaction.requiringNew().timeout(300).run(() -> {
            var students = roster.facts(studentRefs(boardId, chunk));
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
            boolean[] stored = screenings.insert(scored, batchId, Instant.now());
            List<ScoredScreening> fresh = new ArrayList<>();
            for (int i = 0; i < stored.length; i++) {
                if (stored[i]) {
                    fresh.add(scored.get(i));
                } else {
                    errors.add(new RowError(
                            scoredRows.get(i),
                            "administeredOn",
                            "this student's response to this instrument version on this day is already recorded"));
                }
            }
            int flagged = announcer.announce(fresh);
            rowErrors.addAll(batchId, errors);
            int failedRows =
                    (int) errors.stream().mapToInt(RowError::row).distinct().count();
            batches.addProgress(batchId, chunk.size(), fresh.size(), failedRows, flagged);
        });
    }

    private Set<String> studentRefs(String boardId, List<BatchRows.Row> chunk) {
        Set<String> refs = new HashSet<>();
        for (BatchRows.Row row : chunk) {
            if (row.input() != null) {
                String ref = scorer.studentRefOf(boardId, row.input());
                if (ref != null) {
                    refs.add(ref);
                }
            }
        }
        return refs;
    }
}
