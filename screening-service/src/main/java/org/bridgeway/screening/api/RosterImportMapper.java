package org.bridgeway.screening.api;

import java.net.URI;
import java.util.UUID;
import org.bridgeway.screening.api.RosterImportDtos.RosterImportView;
import org.bridgeway.screening.api.RosterImportDtos.RosterRowErrorView;
import org.bridgeway.screening.domain.RosterImportProgress;
import org.bridgeway.screening.domain.oneroster.RosterRowError;

/** OneRoster imports between the domain and their JSON, with the links a client follows. */
final class RosterImportMapper {

    private RosterImportMapper() {}

    static URI location(UUID id) {
        return URI.create("/api/v1/screening/roster-imports/" + id);
    }

    static RosterImportView view(RosterImportProgress p) {
        return new RosterImportView(
                p.id(),
                p.status(),
                p.totalRows(),
                p.processed(),
                p.failed(),
                p.skipped(),
                p.schools(),
                p.studentsCreated(),
                p.studentsUpdated(),
                p.studentsUnchanged(),
                p.studentsDeactivated(),
                p.createdAt(),
                p.finishedAt(),
                p.detail(),
                location(p.id()) + "/errors");
    }

    static RosterRowErrorView view(RosterRowError e) {
        return new RosterRowErrorView(e.file(), e.line(), e.field(), e.message());
    }
}
