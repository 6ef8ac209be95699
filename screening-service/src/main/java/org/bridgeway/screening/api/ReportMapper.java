package org.bridgeway.screening.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bridgeway.screening.api.ReportDtos.Cell;
import org.bridgeway.screening.api.ReportDtos.DomainBands;
import org.bridgeway.screening.api.ReportDtos.Share;
import org.bridgeway.screening.domain.report.CohortSummary;
import org.bridgeway.screening.domain.report.Funnel;

/** Reports from the domain to their JSON (a suppressed count says so instead of showing a number). */
final class ReportMapper {

    private ReportMapper() {}

    static ReportDtos.CohortSummary view(CohortSummary s) {
        return new ReportDtos.CohortSummary(
                s.boardId(),
                s.schoolId(),
                s.grade(),
                s.instrument(),
                s.version(),
                cell(s.screened()),
                cell(s.flagged()),
                s.domains().stream()
                        .map(d -> new DomainBands(d.domain(), cells(d.bands()), cell(d.incomplete())))
                        .toList(),
                s.suppressionThreshold());
    }

    static ReportDtos.Funnel view(Funnel f) {
        return new ReportDtos.Funnel(
                f.boardId(),
                f.schoolId(),
                f.from(),
                f.to(),
                cell(f.screened()),
                cell(f.flagged()),
                share(f.flaggedShare()),
                cell(f.validated()),
                share(f.hiddenRiskShare()),
                cell(f.referred()),
                cell(f.accepted()),
                cell(f.completed()),
                f.medianDaysFlagToAccepted(),
                f.suppressionThreshold());
    }

    private static Map<String, Cell> cells(Map<String, org.bridgeway.screening.domain.report.Cell> cells) {
        Map<String, Cell> mapped = new LinkedHashMap<>();
        cells.forEach((key, c) -> mapped.put(key, cell(c)));
        return mapped;
    }

    private static Cell cell(org.bridgeway.screening.domain.report.Cell c) {
        return new Cell(c.count(), c.suppressed());
    }

    private static Share share(org.bridgeway.screening.domain.report.Share s) {
        return new Share(s.value(), s.suppressed());
    }
}
