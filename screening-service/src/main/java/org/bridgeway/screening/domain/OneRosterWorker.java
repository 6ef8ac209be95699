package org.bridgeway.screening.domain;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bridgeway.screening.config.OneRosterConfig;
import org.bridgeway.screening.domain.oneroster.CsvRow;
import org.bridgeway.screening.domain.oneroster.CsvTable;
import org.bridgeway.screening.domain.oneroster.Manifest;
import org.bridgeway.screening.domain.oneroster.Mode;
import org.bridgeway.screening.domain.oneroster.OneRosterFiles;
import org.bridgeway.screening.domain.oneroster.OneRosterZip;
import org.bridgeway.screening.domain.oneroster.RosterIndex;
import org.bridgeway.screening.domain.oneroster.RosterRowError;
import org.bridgeway.screening.store.RosterImportStore;
import org.bridgeway.screening.store.RosterStore;

/**
 * Works through an accepted OneRoster package on its own thread: first orgs, classes, enrollments and
 * demographics into a {@link RosterIndex} (schools upserted in one transaction), then users.csv in chunks, each
 * chunk one transaction, so progress shows while it runs and a bad row never takes good rows with it.
 */
@ApplicationScoped
public class OneRosterWorker {

    private static final List<String> CONTEXT_FILES =
            List.of("orgs", "classes", "enrollments", "roles", "demographics");

    private final RosterStore roster;
    private final RosterImportStore imports;
    private final StudentChunk chunks;
    private final int chunkSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "oneroster-import");
        thread.setDaemon(true);
        return thread;
    });

    OneRosterWorker(RosterStore roster, RosterImportStore imports, StudentChunk chunks, OneRosterConfig config) {
        this.roster = roster;
        this.imports = imports;
        this.chunks = chunks;
        this.chunkSize = config.chunkSize();
    }

    /** An import that was running when the service stopped cannot resume from a spool file that is gone. */
    void failInterrupted(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew()
                .run(
                        () -> imports.failUnfinished(
                                Instant.now(),
                                "interrupted by a service restart; upload the package again: an import changes only what differs"));
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /** Queues the spooled package; the spool file is deleted once it is worked through. */
    void start(UUID id, String boardId, Path spool, OneRosterZip.Limits limits) {
        worker.submit(() -> run(id, boardId, spool, limits));
    }

    private void run(UUID id, String boardId, Path spool, OneRosterZip.Limits limits) {
        try (OneRosterZip zip = OneRosterZip.open(spool, limits)) {
            Manifest manifest = Manifest.read(zip).manifest();
            RosterIndex index = index(id, boardId, zip, manifest);
            Mode mode = manifest.mode("users");
            Set<String> seen = new HashSet<>();
            try (CsvTable users = OneRosterFiles.open(zip, "users")) {
                List<CsvRow> chunk = new ArrayList<>(chunkSize);
                CsvRow row;
                while ((row = users.next()) != null) {
                    chunk.add(row);
                    if (chunk.size() == chunkSize) {
                        chunks.apply(id, boardId, mode, index, seen, chunk);
                        chunk.clear();
                    }
                }
                chunks.apply(id, boardId, mode, index, seen, chunk);
            }
            QuarkusTransaction.requiringNew().run(() -> imports.markCompleted(id, Instant.now()));
        } catch (Exception e) {
            // The client reads the detail: an incident id to find in the log, never an exception's own words
            // (they could quote a row, and a row holds names).
            String incident = UUID.randomUUID().toString();
            Log.errorf(
                    "roster import %s failed, incident %s: %s",
                    id, incident, e.getClass().getName());
            QuarkusTransaction.requiringNew()
                    .run(() -> imports.markFailed(
                            id,
                            Instant.now(),
                            "stopped by a failure on our side (incident " + incident
                                    + "); chunks reported so far are stored"));
        } finally {
            BatchSpool.delete(spool);
        }
    }

    /** Reads the files that place students, then upserts the package's schools and reports their row errors. */
    private RosterIndex index(UUID id, String boardId, OneRosterZip zip, Manifest manifest) throws IOException {
        RosterIndex index = QuarkusTransaction.requiringNew().call(() -> new RosterIndex(roster.schoolIds(boardId)));
        for (String file : CONTEXT_FILES) {
            Mode mode = manifest.mode(file);
            if (mode == Mode.ABSENT) {
                continue;
            }
            try (CsvTable table = OneRosterFiles.open(zip, file)) {
                CsvRow row;
                while ((row = table.next()) != null) {
                    switch (file) {
                        case "orgs" -> index.org(row, mode);
                        case "classes" -> index.schoolClass(row, mode);
                        case "enrollments" -> index.enrollment(row, mode);
                        case "roles" -> index.role(row, mode);
                        default -> index.demographics(row, mode);
                    }
                }
            }
        }
        List<RosterRowError> errors = index.errors();
        QuarkusTransaction.requiringNew().run(() -> {
            roster.upsertSchools(
                    boardId,
                    index.schools().stream()
                            .map(s -> new RosterStore.SchoolRow(s.schoolId(), s.name()))
                            .toList());
            imports.addErrors(id, errors);
            imports.markProcessing(id, index.schools().size(), StudentChunk.failedRows(errors));
        });
        return index;
    }
}
