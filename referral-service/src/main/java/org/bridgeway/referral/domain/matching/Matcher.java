package org.bridgeway.referral.domain.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks the services of a {@link MatchIndex} for one case. Hard criteria (status, age, grade, service
 * area, language, capacity, an agreement in force covering the disclosure, organizations that declined
 * or let the case expire, services already referred) exclude; soft ones score:
 * need coverage up to 50, service area up to 15, language 10, capacity and waitlist up to 25.
 * Ties go to the service with more places free, then by name and id, so a ranking is repeatable.
 */
public final class Matcher {

    static final double NEED_POINTS = 50;
    static final double SCHOOL_POINTS = 15;
    static final double REGION_POINTS = 8;
    static final double LANGUAGE_POINTS = 10;
    static final double CAPACITY_POINTS = 25;

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score)
            .reversed()
            .thenComparing(
                    c -> c.service().available() == null ? 0 : c.service().available(), Comparator.reverseOrder())
            .thenComparing(c -> c.service().name())
            .thenComparing(c -> c.service().serviceId());

    private Matcher() {}

    /** Every candidate best first, and with {@code explain} every excluded service with its reasons. */
    public static MatchResult rank(MatchIndex index, MatchRequest request) {
        List<Candidate> candidates = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        int covering = 0;
        List<String> needs = request.needs();
        for (int n = 0; n < needs.size(); n++) {
            for (ServiceSnapshot service : index.servicesFor(needs.get(n))) {
                if (coversEarlierNeed(service, needs, n)) {
                    continue; // already seen under an earlier need of the case
                }
                covering++;
                List<String> reasons = request.explain() ? new ArrayList<>(0) : null;
                if (Eligibility.admits(index, request, service, reasons)) {
                    candidates.add(score(request, service, covered(service, needs)));
                } else if (reasons != null) {
                    excluded.add(new Exclusion(
                            service.serviceId(), service.name(), service.organizationId(), List.copyOf(reasons)));
                }
            }
        }
        candidates.sort(BEST_FIRST);
        excluded.sort(Comparator.comparing(Exclusion::serviceName).thenComparing(Exclusion::serviceId));
        return new MatchResult(candidates, excluded, index.serviceCount() - covering);
    }

    /**
     * The {@code limit} best candidates, in order, without explaining exclusions: what dispatch needs. Scores
     * are kept as plain numbers while scanning; only the winners become {@link Candidate}s.
     */
    public static List<Candidate> best(MatchIndex index, MatchRequest request, int limit) {
        ServiceSnapshot[] top = new ServiceSnapshot[limit];
        double[] topScores = new double[limit];
        int held = 0;
        List<String> needs = request.needs();
        for (int n = 0; n < needs.size(); n++) {
            for (ServiceSnapshot service : index.servicesFor(needs.get(n))) {
                if (coversEarlierNeed(service, needs, n) || !Eligibility.admits(index, request, service, null)) {
                    continue;
                }
                double score = total(request, service, coveredCount(service, needs));
                if (held < limit) {
                    held++;
                } else if (!better(score, service, topScores[limit - 1], top[limit - 1])) {
                    continue;
                }
                int at = held - 1;
                while (at > 0 && better(score, service, topScores[at - 1], top[at - 1])) {
                    top[at] = top[at - 1];
                    topScores[at] = topScores[at - 1];
                    at--;
                }
                top[at] = service;
                topScores[at] = score;
            }
        }
        List<Candidate> winners = new ArrayList<>(held);
        for (int i = 0; i < held; i++) {
            winners.add(score(request, top[i], covered(top[i], needs)));
        }
        return winners;
    }

    /** The order of {@link #BEST_FIRST}, on a score already computed. */
    private static boolean better(double score, ServiceSnapshot service, double otherScore, ServiceSnapshot other) {
        if (score != otherScore) {
            return score > otherScore;
        }
        int available = service.available() == null ? 0 : service.available();
        int otherAvailable = other.available() == null ? 0 : other.available();
        if (available != otherAvailable) {
            return available > otherAvailable;
        }
        int byName = service.name().compareTo(other.name());
        return byName != 0 ? byName < 0 : service.serviceId().compareTo(other.serviceId()) < 0;
    }

    private static boolean coversEarlierNeed(ServiceSnapshot service, List<String> needs, int n) {
        for (int earlier = 0; earlier < n; earlier++) {
            if (service.needs().contains(needs.get(earlier))) {
                return true;
            }
        }
        return false;
    }

    private static int coveredCount(ServiceSnapshot service, List<String> needs) {
        int count = 0;
        for (String need : needs) {
            if (service.needs().contains(need)) {
                count++;
            }
        }
        return count;
    }

    private static List<String> covered(ServiceSnapshot service, List<String> needs) {
        List<String> covered = new ArrayList<>(needs.size());
        for (String need : needs) {
            if (service.needs().contains(need)) {
                covered.add(need);
            }
        }
        return covered;
    }

    private static double total(MatchRequest request, ServiceSnapshot service, int covered) {
        double needs = NEED_POINTS * covered / request.needs().size();
        double area = Eligibility.inArea(service, request.schoolId()) ? SCHOOL_POINTS : REGION_POINTS;
        double language =
                request.language() != null && service.languages().contains(request.language()) ? LANGUAGE_POINTS : 0;
        return Math.round((needs + area + language + capacityPoints(service)) * 100) / 100.0;
    }

    private static Candidate score(MatchRequest request, ServiceSnapshot service, List<String> covered) {
        double needs = NEED_POINTS * covered.size() / request.needs().size();
        double area = Eligibility.inArea(service, request.schoolId()) ? SCHOOL_POINTS : REGION_POINTS;
        double language =
                request.language() != null && service.languages().contains(request.language()) ? LANGUAGE_POINTS : 0;
        double capacity = capacityPoints(service);
        return new Candidate(
                service,
                total(request, service, covered.size()),
                new Candidate.ScoreComponents(round(needs), area, language, round(capacity)),
                List.copyOf(covered));
    }

    /** Places free earn most; a waitlist earns less the longer it is; unknown capacity earns a little. */
    static double capacityPoints(ServiceSnapshot service) {
        Integer available = service.available();
        if (available == null) {
            return 5;
        }
        if (available > 0) {
            int maximum = service.maximum() == null ? available : Math.max(service.maximum(), available);
            return CAPACITY_POINTS * (0.6 + 0.4 * available / maximum);
        }
        return switch (service.waitlist() == null ? "none" : service.waitlist()) {
            case "under-1-month" -> 8;
            case "1-3-months" -> 4;
            case "over-3-months" -> 1;
            default -> 0;
        };
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
