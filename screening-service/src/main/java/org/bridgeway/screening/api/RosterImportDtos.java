package org.bridgeway.screening.api;

import java.time.Instant;
import java.util.UUID;

/** Bodies of the OneRoster import resource. */
public final class RosterImportDtos {

    private RosterImportDtos() {}

    /**
     * An import's status and counts: users.csv rows done of total; rows refused in any file; users skipped (not
     * students); schools read from orgs.csv; students created, updated, unchanged and deactivated.
     */
    public record RosterImportView(
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
            String detail,
            String errorsUrl) {}

    /** A row of the package that was not applied: file, line (the header is line 1), column, and why. */
    public record RosterRowErrorView(String file, int line, String field, String message) {}
}
