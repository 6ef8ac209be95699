package org.bridgeway.screening.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A OneRoster import as its submitter follows it: users.csv rows done of total, rows refused (in any file),
 * users skipped (not students), schools read, and what happened to students.
 */
public record RosterImportProgress(
        UUID id,
        String status,
        int totalRows,
        int processed,
        int failed,
        int skipped,
        int schools,
        int studentsCreated,
        int studentsUpdated,
        int studentsUnchanged,
        int studentsDeactivated,
        Instant createdAt,
        Instant finishedAt,
        String detail) {}
