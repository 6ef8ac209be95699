package org.bridgeway.referral.domain.matching;

import java.util.List;

/** A service that may take the case, with the parts its score is made of, so a person can see why. */
public record Candidate(ServiceSnapshot service, double score, ScoreComponents components, List<String> coveredNeeds) {

    /** Points per criterion; their sum is the score (0 to 100). */
    public record ScoreComponents(double needCoverage, double serviceArea, double language, double capacity) {}
}
