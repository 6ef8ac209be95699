package org.bridgeway.screening.domain.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.Band;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.Condition;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.Domain;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.FlagRule;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.Item;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.TierRule;

/**
 * Scores one answer set against an instrument (semantics in docs/instruments.md).
 * The definition is trusted: it is validated once with {@link InstrumentValidator} when it is published,
 * not on every one of the many responses scored against it.
 */
public final class ScoringEngine {

    /**
     * Fractional weights such as 0.1 make a score that is exactly on a cut-off come out a few ulps above it;
     * this keeps such a score in the band whose {@code upTo} it meets, as a person doing the sum would.
     */
    private static final double EPSILON = 1e-9;

    private ScoringEngine() {}

    public static Score score(InstrumentDefinition d, Map<String, Integer> answers) {
        checkAnswers(d, answers);
        List<DomainScore> domains = new ArrayList<>();
        for (Domain domain : d.domains()) {
            domains.add(scoreDomain(d, domain, answers));
        }
        List<Integer> ranks = domains.stream().map(ds -> rank(d, ds.band())).toList();

        FlagRule flag = d.flag();
        boolean flagged = flag != null && holds(d, flag.asCondition(), ranks);
        int tier = 0;
        for (TierRule rule : d.tiers()) {
            if (holds(d, rule.when(), ranks)) {
                tier = rule.tier();
                break;
            }
        }

        int needsRank = needsThreshold(d);
        List<DomainScore> withNeeds = new ArrayList<>();
        Set<String> needs = new LinkedHashSet<>();
        for (int i = 0; i < domains.size(); i++) {
            DomainScore ds = domains.get(i);
            List<String> domainNeeds =
                    ranks.get(i) >= needsRank ? List.copyOf(d.domains().get(i).needs()) : List.of();
            needs.addAll(domainNeeds);
            withNeeds.add(new DomainScore(
                    ds.key(),
                    ds.label(),
                    ds.score(),
                    ds.band(),
                    ds.complete(),
                    ds.answered(),
                    ds.itemCount(),
                    ds.drivers(),
                    domainNeeds));
        }
        return new Score(List.copyOf(withNeeds), flagged, tier, List.copyOf(needs));
    }

    private static void checkAnswers(InstrumentDefinition d, Map<String, Integer> answers) {
        if (answers == null) {
            throw new InvalidAnswersException(List.of(new Violation("answers", "is required")));
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Item item : d.items()) {
            known.add(item.id());
            Integer raw = answers.get(item.id());
            if (raw != null && (raw < item.min() || raw > item.max())) {
                violations.add(
                        new Violation("answers." + item.id(), "must be between " + item.min() + " and " + item.max()));
            }
        }
        answers.keySet().stream()
                .filter(id -> !known.contains(id))
                .sorted(Comparator.nullsFirst(Comparator.naturalOrder()))
                .forEach(id -> violations.add(new Violation("answers." + id, "unknown item")));
        if (!violations.isEmpty()) {
            throw new InvalidAnswersException(violations);
        }
    }

    private static DomainScore scoreDomain(InstrumentDefinition d, Domain domain, Map<String, Integer> answers) {
        List<Item> items = d.itemsOf(domain.key());
        double totalWeight = 0;
        double answeredWeight = 0;
        double answeredSum = 0;
        int answered = 0;
        List<Item> drivers = new ArrayList<>();
        for (Item item : items) {
            totalWeight += item.effectiveWeight();
            Integer raw = answers.get(item.id());
            if (raw == null) {
                continue;
            }
            int adjusted = item.adjusted(raw);
            answered++;
            answeredWeight += item.effectiveWeight();
            answeredSum += adjusted * item.effectiveWeight();
            if (2 * adjusted > item.min() + item.max()) {
                drivers.add(item);
            }
        }
        drivers.sort(Comparator.comparingDouble((Item i) -> driverStrength(i, answers.get(i.id())))
                .reversed()
                .thenComparing(Item::id));
        List<String> driverIds = drivers.stream().map(Item::id).toList();

        if (answered < domain.effectiveMinAnswered()) {
            return new DomainScore(
                    domain.key(), domain.label(), null, null, false, answered, items.size(), driverIds, List.of());
        }
        double score = InstrumentDefinition.MEAN.equals(domain.method())
                ? answeredSum / answeredWeight
                : answeredSum * totalWeight / answeredWeight;
        return new DomainScore(
                domain.key(),
                domain.label(),
                round2(score),
                band(domain.bands(), score),
                true,
                answered,
                items.size(),
                driverIds,
                List.of());
    }

    private static double driverStrength(Item item, int raw) {
        return (item.adjusted(raw) - item.min()) * item.effectiveWeight();
    }

    private static String band(List<Band> bands, double score) {
        for (Band b : bands) {
            if (b.upTo() != null && score <= b.upTo() + EPSILON) {
                return b.band();
            }
        }
        return bands.get(bands.size() - 1).band();
    }

    private static double round2(double score) {
        return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** -1 for an incomplete domain, so it never reaches any band. */
    private static int rank(InstrumentDefinition d, String band) {
        return band == null ? -1 : d.bandOrder().indexOf(band);
    }

    private static boolean holds(InstrumentDefinition d, Condition c, List<Integer> ranks) {
        if (c == null) {
            return false;
        }
        if (c.anyDomainAtLeast() != null) {
            int min = rank(d, c.anyDomainAtLeast());
            if (ranks.stream().anyMatch(r -> r >= min)) {
                return true;
            }
        }
        if (c.domainsAtLeast() != null) {
            int min = rank(d, c.domainsAtLeast().band());
            return ranks.stream().filter(r -> r >= min).count()
                    >= c.domainsAtLeast().count();
        }
        return false;
    }

    /** The bands at or above the least severe one the flag rule cares about: being counted there is a concern. */
    public static Set<String> concernBands(InstrumentDefinition d) {
        int from = Math.max(0, Math.min(needsThreshold(d), d.bandOrder().size()));
        return Set.copyOf(d.bandOrder().subList(from, d.bandOrder().size()));
    }

    /**
     * A domain points at its needs once it reaches the least severe band the flag rule cares about:
     * that is the level at which the program treats the domain as a concern worth acting on.
     */
    private static int needsThreshold(InstrumentDefinition d) {
        FlagRule flag = d.flag();
        int top = d.bandOrder().size() - 1;
        if (flag == null) {
            return top;
        }
        int threshold = Integer.MAX_VALUE;
        if (flag.anyDomainAtLeast() != null) {
            threshold = rank(d, flag.anyDomainAtLeast());
        }
        if (flag.domainsAtLeast() != null) {
            threshold = Math.min(threshold, rank(d, flag.domainsAtLeast().band()));
        }
        return threshold == Integer.MAX_VALUE ? top : threshold;
    }
}
