package org.bridgeway.referral.domain.matching;

import java.util.List;

/**
 * Candidates best first; the services that cover a need but were excluded, with their reasons (only
 * when explaining); and how many services cover none of the case's needs.
 */
public record MatchResult(List<Candidate> candidates, List<Exclusion> excluded, int notCoveringAnyNeed) {}
