package org.bridgeway.screening.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * One survey response to score, from a single submit or a batch row; the student by {@code studentRef} or by
 * {@code sisStudentId}. Any field may be missing: {@link ResponseScorer} says what is wrong with it.
 */
public record SurveyResponse(
        String instrument,
        Integer version,
        String studentRef,
        String sisStudentId,
        String schoolId,
        LocalDate administeredOn,
        Map<String, Integer> answers) {}
