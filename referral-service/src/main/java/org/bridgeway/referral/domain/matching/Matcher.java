package org.bridgeway.referral.domain.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparing(c -> c.service().available() == null ? 0 : c.service().available(), Comparator.reverseOrder())
            .thenComparing(c -> c.service().name())
            .thenComparing(c -> c.service().serviceId());

    private Matcher() {
    }

    public static MatchResult rank(MatchIndex index, MatchRequest request) {
        Map<ServiceSnapshot, List<String>> covering = new IdentityHashMap<>();
        for (String need : request.needs()) {
            for (ServiceSnapshot service : index.servicesFor(need)) {
                covering.computeIfAbsent(service, s -> new ArrayList<>(2)).add(need);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (Map.Entry<ServiceSnapshot, List<String>> entry : covering.entrySet()) {
            ServiceSnapshot service = entry.getKey();
            List<String> reasons = request.explain() ? new ArrayList<>(0) : null;
            if (Eligibility.admits(index, request, service, reasons)) {
                candidates.add(score(request, service, entry.getValue()));
            } else if (reasons != null) {
                excluded.add(new Exclusion(service.serviceId(), service.name(), service.organizationId(), List.copyOf(reasons)));
            }
        }
        candidates.sort(BEST_FIRST);
        excluded.sort(Comparator.comparing(Exclusion::serviceName).thenComparing(Exclusion::serviceId));
        return new MatchResult(candidates, excluded, index.serviceCount() - covering.size());
    }

    private static Candidate score(MatchRequest request, ServiceSnapshot service, List<String> covered) {
        double needs = NEED_POINTS * covered.size() / request.needs().size();
        double area = Eligibility.inArea(service, request.schoolId()) ? SCHOOL_POINTS : REGION_POINTS;
        double language = request.language() != null && service.languages().contains(request.language()) ? LANGUAGE_POINTS : 0;
        double capacity = capacityPoints(service);
        double total = Math.round((needs + area + language + capacity) * 100) / 100.0;
        return new Candidate(service, total, new Candidate.ScoreComponents(round(needs), area, language, round(capacity)),
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
