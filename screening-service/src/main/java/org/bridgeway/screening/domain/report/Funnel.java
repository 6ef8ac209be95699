package org.bridgeway.screening.domain.report;

import java.time.LocalDate;

/** The programme funnel of a period: screened, flagged, validated, hidden risk, referred, accepted, completed. */
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
