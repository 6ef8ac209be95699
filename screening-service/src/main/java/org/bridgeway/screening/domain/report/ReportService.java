package org.bridgeway.screening.domain.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.screening.domain.InstrumentCatalog;
import org.bridgeway.screening.domain.Scope;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition;
import org.bridgeway.screening.domain.scoring.ScoringEngine;
import org.bridgeway.screening.store.ReportQueries;

/** Aggregates for analysts and coordinators: counts only, every small cell suppressed. */
@ApplicationScoped
public class ReportService {

    private final ReportQueries queries;
    private final InstrumentCatalog instruments;

    ReportService(ReportQueries queries, InstrumentCatalog instruments) {
        this.queries = queries;
        this.instruments = instruments;
    }

    public CohortSummary summary(
            Caller caller, String boardId, String schoolId, Integer grade, String instrument, int version) {
        Scope.requireBoard(caller, boardId);
        InstrumentDefinition definition = instruments
                .find(instrument, version)
                .orElseThrow(() -> ApiException.invalidField(
                        "version", "unknown instrument version " + instrument + " v" + version));
        ReportQueries.CohortCounts counts =
                queries.cohort(new ReportQueries.Cohort(boardId, instrument, version, schoolId, grade));
        Map<String, Map<String, Long>> table = new LinkedHashMap<>();
        Map<String, Long> screenedPerDomain = new LinkedHashMap<>();
        for (InstrumentDefinition.Domain domain : definition.domains()) {
            Map<String, Long> found = counts.bandsByDomain().getOrDefault(domain.key(), Map.of());
            Map<String, Long> bands = new LinkedHashMap<>();
            definition.bandOrder().forEach(b -> bands.put(b, found.getOrDefault(b, 0L)));
            bands.put(ReportQueries.INCOMPLETE, found.getOrDefault(ReportQueries.INCOMPLETE, 0L));
            table.put(domain.key(), bands);
            // every screening counts once in each domain: each row adds up to the published number screened
            screenedPerDomain.put(
                    domain.key(),
                    bands.values().stream().mapToLong(Long::longValue).sum());
        }
        Map<String, Map<String, Cell>> published = new TableSuppression(
                        table, screenedPerDomain, Map.of(), ScoringEngine.concernBands(definition))
                .apply();
        List<CohortSummary.DomainBands> domains = new ArrayList<>();
        published.forEach((domain, row) -> {
            Cell incomplete = row.remove(ReportQueries.INCOMPLETE);
            domains.add(new CohortSummary.DomainBands(domain, row, incomplete));
        });
        return new CohortSummary(
                boardId,
                schoolId,
                grade,
                instrument,
                version,
                SmallCells.cell(counts.screened()),
                SmallCells.part(counts.flagged(), counts.screened()),
                domains,
                SmallCells.THRESHOLD);
    }

    public Funnel funnel(Caller caller, String boardId, String schoolId, LocalDate from, LocalDate to) {
        Scope.requireBoard(caller, boardId);
        ReportQueries.FunnelCounts f = queries.funnel(boardId, schoolId, from, to);
        Double median = f.accepted() < SmallCells.THRESHOLD || f.medianDaysFlagToAccepted() == null
                ? null
                : Math.round(f.medianDaysFlagToAccepted() * 10) / 10.0;
        return new Funnel(
                boardId,
                schoolId,
                from,
                to,
                SmallCells.cell(f.screened()),
                SmallCells.part(f.flagged(), f.screened()),
                SmallCells.share(f.flagged(), f.screened()),
                SmallCells.cell(f.validated()),
                SmallCells.share(f.validatedUnknownToStaff(), f.validated()),
                SmallCells.cell(f.referred()),
                SmallCells.cell(f.accepted()),
                SmallCells.cell(f.completed()),
                median,
                SmallCells.THRESHOLD);
    }
}
