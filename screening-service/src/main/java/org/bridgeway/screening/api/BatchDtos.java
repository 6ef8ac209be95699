package org.bridgeway.screening.api;

import java.time.Instant;
import java.util.UUID;

public final class BatchDtos {

    private BatchDtos() {}

    public record BatchView(
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
            String detail,
            String errorsUrl) {}

    public record RowError(int row, String field, String message) {}
}
