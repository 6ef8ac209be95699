package org.bridgeway.screening.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.events.ScreeningFlagged;
import org.bridgeway.screening.domain.scoring.DomainScore;
import org.bridgeway.screening.domain.scoring.Score;

/** A response that passed every check and was scored, ready to be stored (and announced if flagged). */
public record ScoredScreening(
        UUID id,
        String studentRef,
        String boardId,
        String schoolId,
        Integer grade,
        Integer ageYears,
        String instrumentKey,
        int instrumentVersion,
        LocalDate administeredOn,
        Map<String, Integer> answers,
        Score score) {

    /** The event carries bands and needs only: no answers, no names, no SIS id. */
    public ScreeningFlagged flaggedEvent(Instant at) {
        Map<String, String> bands = new LinkedHashMap<>();
        for (DomainScore domain : score.domains()) {
            bands.put(domain.key(), domain.complete() ? domain.band() : "incomplete");
        }
        return new ScreeningFlagged(
                id,
                studentRef,
                boardId,
                schoolId,
                grade,
                ageYears,
                instrumentKey,
                instrumentVersion,
                administeredOn,
                bands,
                score.needs(),
                score.suggestedTier(),
                at);
    }
}
