package org.bridgeway.screening.domain.scoring;

import java.util.List;

/**
 * The result of scoring one answer set.
 *
 * @param needs the distinct need codes of every complete domain that reached the needs threshold
 *              (the lowest band named in the flag rule), in domain order
 */
public record Score(List<DomainScore> domains, boolean flagged, int suggestedTier, List<String> needs) {}
