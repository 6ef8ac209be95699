package org.bridgeway.screening.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.screening.config.OneRosterConfig;
import org.bridgeway.screening.domain.oneroster.MalformedPackageException;
import org.bridgeway.screening.domain.oneroster.OneRosterFiles;
import org.bridgeway.screening.domain.oneroster.OneRosterZip;
import org.bridgeway.screening.domain.oneroster.RosterRowError;
import org.bridgeway.screening.store.RosterImport;
import org.bridgeway.screening.store.RosterImportStore;

/**
 * Rostering from a OneRoster 1.2 CSV package, the part the caller waits for: the zip is spooled, checked whole
 * (manifest, file set, headers, every record readable within the bounds), recorded, handed to the
 * {@link OneRosterWorker} and answered 202. A package that fails the check stores nothing. Also answers for an
 * import afterwards: its progress and its row errors. Same access as the JSON roster: the board of the token.
 */
@ApplicationScoped
public class OneRosterImport {

    private final RosterImportStore imports;
    private final OneRosterWorker worker;
    private final BatchSpool spools;
    private final OneRosterZip.Limits limits;

    OneRosterImport(RosterImportStore imports, OneRosterWorker worker, BatchSpool spools, OneRosterConfig config) {
        this.imports = imports;
        this.worker = worker;
        this.spools = spools;
        this.limits = new OneRosterZip.Limits(config.maxUncompressedSize().asLongValue(), config.maxEntries());
    }

    public RosterImportProgress accept(Caller caller, String boardId, InputStream body) {
        Scope.requireBoard(caller, boardId);
        Path spool;
        try {
            spool = spools.write(body, "zip");
        } catch (IOException e) {
            throw ApiException.badRequest("The package cannot be read. Nothing was stored.", null);
        }
        boolean handedOver = false;
        try {
            RosterImport recorded = record(caller, boardId, check(spool).userRows());
            worker.start(recorded.id, boardId, spool, limits);
            handedOver = true;
            return progress(recorded);
        } finally {
            if (!handedOver) {
                BatchSpool.delete(spool);
            }
        }
    }

    private OneRosterFiles.Checked check(Path spool) {
        try (OneRosterZip zip = OneRosterZip.open(spool, limits)) {
            return OneRosterFiles.check(zip);
        } catch (MalformedPackageException e) {
            throw e.tooLarge()
                    ? new ApiException(
                            413,
                            "Content Too Large",
                            "The package is over a bound of this service; nothing was stored.",
                            e.errors())
                    : ApiException.badRequest("The package cannot be imported; nothing was stored.", e.errors());
        } catch (IOException e) {
            throw ApiException.badRequest("The package cannot be read; nothing was stored.", null);
        }
    }

    private RosterImport record(Caller caller, String boardId, int userRows) {
        RosterImport recorded = new RosterImport();
        recorded.id = UUID.randomUUID();
        recorded.boardId = boardId;
        recorded.status = RosterImport.ACCEPTED;
        recorded.totalRows = userRows;
        recorded.createdBy = caller.subject();
        recorded.createdAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> imports.add(recorded));
        return recorded;
    }

    @Transactional
    public RosterImportProgress progress(Caller caller, UUID id) {
        return progress(reachable(caller, id));
    }

    @Transactional
    public Page<RosterRowError> rowErrors(Caller caller, UUID id, PageRequest request) {
        reachable(caller, id);
        return imports.errors(id, request);
    }

    /** Another board's import is as absent as a missing one: 404 either way, so ids reveal nothing. */
    private RosterImport reachable(Caller caller, UUID id) {
        return imports.find(id)
                .filter(found -> Scope.reachesBoard(caller, found.boardId))
                .orElseThrow(() -> ApiException.notFound("No roster import " + id + "."));
    }

    private static RosterImportProgress progress(RosterImport r) {
        return new RosterImportProgress(
                r.id,
                r.status,
                r.totalRows,
                r.processed,
                r.failed,
                r.skipped,
                r.schools,
                r.studentsCreated,
                r.studentsUpdated,
                r.studentsUnchanged,
                r.studentsDeactivated,
                r.createdAt,
                r.finishedAt,
                r.detail);
    }
}
