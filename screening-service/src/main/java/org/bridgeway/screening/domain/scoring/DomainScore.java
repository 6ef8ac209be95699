package org.bridgeway.screening.domain.scoring;

import java.util.List;

/**
 * One domain's part of a {@link Score}.
 *
 * @param score   rounded to 2 decimals for display; the band was decided on the unrounded value.
 *                {@code null} when the domain is incomplete
 * @param band    {@code null} when the domain is incomplete
 * @param drivers answered items whose risk-adjusted answer is above the item's midpoint, strongest
 *                first; listed even for an incomplete domain so a reviewer still sees a severe answer
 * @param needs   the domain's need codes when it reached the needs threshold, otherwise empty
 */
public record DomainScore(
        String key,
        String label,
        Double score,
        String band,
        boolean complete,
        int answered,
        int itemCount,
        List<String> drivers,
        List<String> needs) {}
