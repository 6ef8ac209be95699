package org.bridgeway.screening.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

public final class ReportDtos {

    private ReportDtos() {}

    /** A count, or {@code suppressed} when it is small enough to single out a student. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(Long count, Boolean suppressed) {}

    public record DomainBands(String domain, Map<String, Cell> bands, Cell incomplete) {}

    public record CohortSummary(
            String boardId,
            String schoolId,
            Integer grade,
            String instrument,
            Integer version,
            Cell screened,
            Cell flagged,
            List<DomainBands> domains,
            int suppressionThreshold) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Share(Double value, Boolean suppressed) {}

    public record Funnel(
            String boardId,
            String schoolId,
            LocalDate from,
            LocalDate to,
            Cell screened,
            Cell flagged,
            Share flaggedShare,
            Cell validated,
            Share hiddenRiskShare,
            Cell referred,
            Cell accepted,
            Cell completed,
            Double medianDaysFlagToAccepted,
            int suppressionThreshold) {}
}
