package org.bridgeway.screening.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.screening.domain.oneroster.RosterRowError;

/** OneRoster imports, their counters and their row errors. */
@ApplicationScoped
public class RosterImportStore {

    private final AgroalDataSource dataSource;

    RosterImportStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One chunk's outcome, added to the import's counters in the chunk's transaction. */
    public record Progress(
            int processed, int failed, int skipped, int created, int updated, int unchanged, int deactivated) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(RosterImport rosterImport) {
        rosterImport.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RosterImport> find(UUID id) {
        return RosterImport.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markProcessing(UUID id, int schools, int failedRows) {
        RosterImport.update(
                "status = ?1, schools = ?2, failed = failed + ?3 where id = ?4",
                RosterImport.PROCESSING,
                schools,
                failedRows,
                id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markCompleted(UUID id, Instant at) {
        RosterImport.update("status = ?1, finishedAt = ?2 where id = ?3", RosterImport.COMPLETED, at, id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markFailed(UUID id, Instant at, String detail) {
        RosterImport.update(
                "status = ?1, finishedAt = ?2, detail = ?3 where id = ?4", RosterImport.FAILED, at, detail, id);
    }

    /** Fails every import still accepted or processing (their spool files are gone); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int failUnfinished(Instant at, String detail) {
        return RosterImport.update(
                "status = ?1, detail = ?2, finishedAt = ?3 where status in (?4, ?5)",
                RosterImport.FAILED,
                detail,
                at,
                RosterImport.ACCEPTED,
                RosterImport.PROCESSING);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void addProgress(UUID id, Progress p) {
        RosterImport.update(
                "processed = processed + ?1, failed = failed + ?2, skipped = skipped + ?3,"
                        + " studentsCreated = studentsCreated + ?4, studentsUpdated = studentsUpdated + ?5,"
                        + " studentsUnchanged = studentsUnchanged + ?6, studentsDeactivated = studentsDeactivated + ?7"
                        + " where id = ?8",
                p.processed(),
                p.failed(),
                p.skipped(),
                p.created(),
                p.updated(),
                p.unchanged(),
                p.deactivated(),
                id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void addErrors(UUID id, List<RosterRowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO roster_import_error (import_id, file, line, field, message) VALUES (?, ?, ?, ?, ?)")) {
            for (RosterRowError error : errors) {
                insert.setObject(1, id);
                insert.setString(2, error.file());
                insert.setInt(3, error.line());
                insert.setString(4, error.field());
                insert.setString(5, error.message());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store roster row errors", e);
        }
    }

    /** Row errors by file, line and field. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<RosterRowError> errors(UUID id, PageRequest request) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement count =
                        c.prepareStatement("SELECT count(*) FROM roster_import_error WHERE import_id = ?");
                PreparedStatement select = c.prepareStatement(
                        "SELECT file, line, field, message FROM roster_import_error WHERE import_id = ?"
                                + " ORDER BY file, line, field LIMIT ? OFFSET ?")) {
            count.setObject(1, id);
            long total;
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            select.setObject(1, id);
            select.setInt(2, request.size());
            select.setLong(3, request.offset());
            List<RosterRowError> items = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(new RosterRowError(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
                }
            }
            return Page.of(items, request, total);
        } catch (SQLException e) {
            throw new IllegalStateException("reading roster row errors failed", e);
        }
    }
}
