package org.bridgeway.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A screening crossed the instrument's flag rule. Carries bands and needs, never raw answers,
 * names or SIS ids: the student is only a {@code studentRef}.
 */
public record ScreeningFlagged(
        UUID screeningId,
        String studentRef,
        String boardId,
        String schoolId,
        Integer grade,
        Integer ageYears,
        String instrumentKey,
        int instrumentVersion,
        LocalDate administeredOn,
        Map<String, String> domainBands,
        List<String> needs,
        int suggestedTier,
        Instant flaggedAt) {}
