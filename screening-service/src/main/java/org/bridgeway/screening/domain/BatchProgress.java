package org.bridgeway.screening.domain;

import java.time.Instant;
import java.util.UUID;

/** A batch as its submitter follows it: status, and rows done of total, succeeded, failed and flagged. */
public record BatchProgress(
        UUID id,
        String status,
        String format,
        Integer totalRows,
        int processed,
        int succeeded,
        int failed,
        int flagged,
        Instant createdAt,
        Instant finishedAt,
        String detail) {}
