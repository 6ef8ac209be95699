package org.bridgeway.screening.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.screening.domain.oneroster.CsvRow;
import org.bridgeway.screening.domain.oneroster.Mode;
import org.bridgeway.screening.domain.oneroster.RosterIndex;
import org.bridgeway.screening.domain.oneroster.RosterRowError;
import org.bridgeway.screening.domain.oneroster.StudentRows;
import org.bridgeway.screening.store.RosterImportStore;
import org.bridgeway.screening.store.RosterStore;

/**
 * One chunk of users.csv rows, in one transaction: each row compared with the student as stored, and only what
 * differs written, so importing the same package twice writes nothing the second time.
 */
@ApplicationScoped
public class StudentChunk {

    private final RosterStore roster;
    private final RosterImportStore imports;
    private final IdentityVault vault;
    private final IdentitySeal identities;

    StudentChunk(RosterStore roster, RosterImportStore imports, IdentityVault vault, IdentitySeal identities) {
        this.roster = roster;
        this.imports = imports;
        this.vault = vault;
        this.identities = identities;
    }

    /** @param seen the sourcedIds of the file's earlier rows: one user, one row */
    void apply(UUID importId, String boardId, Mode mode, RosterIndex index, Set<String> seen, List<CsvRow> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().timeout(300).run(() -> {
            Map<CsvRow, String> refs = new HashMap<>();
            for (CsvRow row : chunk) {
                String key = StudentRows.key(row);
                if (key != null) {
                    refs.put(row, vault.studentRef(boardId, key));
                }
            }
            Map<String, RosterStore.StoredStudent> stored = roster.stored(boardId, new HashSet<>(refs.values()));
            Tally tally = new Tally();
            for (CsvRow row : chunk) {
                String ref = refs.get(row);
                if (ref != null && !seen.add(ref)) {
                    tally.refuse(List.of(row.error("sourcedId", "appears twice in users.csv")));
                    continue;
                }
                tally.add(ref, StudentRows.decide(row, mode, index, existing(ref, stored.get(ref))));
            }
            roster.upsertStudents(boardId, tally.writes);
            roster.deactivate(boardId, tally.deactivations);
            imports.addErrors(importId, tally.errors);
            imports.addProgress(
                    importId,
                    new RosterImportStore.Progress(
                            chunk.size(),
                            tally.failed,
                            tally.skipped,
                            tally.created,
                            tally.updated,
                            tally.unchanged,
                            tally.deactivations.size()));
        });
    }

    private StudentRows.Existing existing(String ref, RosterStore.StoredStudent stored) {
        if (stored == null) {
            return null;
        }
        return new StudentRows.Existing(
                stored.schoolId(), stored.grade(), identities.open(ref, stored.identity()), stored.deactivated());
    }

    /** How many rows of these errors failed: a row with two bad fields is one failed row. */
    static int failedRows(List<RosterRowError> errors) {
        return (int)
                errors.stream().map(e -> e.file() + ":" + e.line()).distinct().count();
    }

    /** What a chunk's decisions add up to. */
    private final class Tally {
        final List<RosterStore.StudentRow> writes = new ArrayList<>();
        final List<String> deactivations = new ArrayList<>();
        final List<RosterRowError> errors = new ArrayList<>();
        int failed;
        int skipped;
        int created;
        int updated;
        int unchanged;

        void add(String ref, StudentRows.Decision decision) {
            if (decision instanceof StudentRows.Rejected rejected) {
                refuse(rejected.errors());
            } else if (decision instanceof StudentRows.Write write) {
                writes.add(new RosterStore.StudentRow(
                        ref,
                        write.schoolId(),
                        write.grade(),
                        write.identity().dateOfBirth() == null
                                ? null
                                : write.identity().dateOfBirth().withDayOfMonth(1),
                        identities.seal(ref, write.identity())));
                if (write.created()) {
                    created++;
                } else {
                    updated++;
                }
            } else if (decision instanceof StudentRows.Deactivate) {
                deactivations.add(ref);
            } else if (decision instanceof StudentRows.Unchanged) {
                unchanged++;
            } else {
                skipped++;
            }
        }

        void refuse(List<RosterRowError> rowErrors) {
            errors.addAll(rowErrors);
            failed++;
        }
    }
}
