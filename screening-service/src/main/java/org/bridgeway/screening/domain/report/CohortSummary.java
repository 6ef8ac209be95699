package org.bridgeway.screening.domain.report;

import java.util.List;
import java.util.Map;

/** Counts per band of each domain, and flagged, for one cohort; every small cell suppressed. */
public record CohortSummary(
        String boardId,
        String schoolId,
        Integer grade,
        String instrument,
        Integer version,
        Cell screened,
        Cell flagged,
        List<DomainBands> domains,
        int suppressionThreshold) {

    public record DomainBands(String domain, Map<String, Cell> bands, Cell incomplete) {}
}
