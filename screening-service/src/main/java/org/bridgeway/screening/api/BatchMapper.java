package org.bridgeway.screening.api;

import java.net.URI;
import java.util.UUID;
import org.bridgeway.screening.api.BatchDtos.BatchView;
import org.bridgeway.screening.api.BatchDtos.RowError;
import org.bridgeway.screening.domain.BatchProgress;

/** Batches between the domain and their JSON, with the links a client follows. */
final class BatchMapper {

    private BatchMapper() {}

    static URI location(UUID id) {
        return URI.create("/api/v1/screening/batches/" + id);
    }

    static BatchView view(BatchProgress b) {
        return new BatchView(
                b.id(),
                b.status(),
                b.format(),
                b.totalRows(),
                b.processed(),
                b.succeeded(),
                b.failed(),
                b.flagged(),
                b.createdAt(),
                b.finishedAt(),
                b.detail(),
                location(b.id()) + "/errors");
    }

    static RowError view(org.bridgeway.screening.domain.RowError e) {
        return new RowError(e.row(), e.field(), e.message());
    }
}
