package org.bridgeway.screening.domain.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.Band;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.Condition;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.Domain;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.DomainsAtLeast;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.Item;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.TierRule;

/**
 * Checks an instrument before it is published. Reports every problem it can find, with the field path,
 * so a community can fix its JSON in one go; it never throws on a malformed definition.
 */
public final class InstrumentValidator {

    private static final Pattern KEY = Pattern.compile("[a-z0-9-]+");
    private static final int MIN_TIER = 0;
    private static final int MAX_TIER = 4;

    private InstrumentValidator() {}

    public static List<Violation> validate(InstrumentDefinition d) {
        List<Violation> out = new ArrayList<>();
        if (d == null) {
            out.add(new Violation("", "instrument is required"));
            return out;
        }
        if (isBlank(d.key())) {
            out.add(new Violation("key", "must not be blank"));
        } else if (!KEY.matcher(d.key()).matches()) {
            out.add(new Violation("key", "must contain only lowercase letters, digits and hyphens"));
        }
        if (d.version() == null) {
            out.add(new Violation("version", "is required"));
        } else if (d.version() < 1) {
            out.add(new Violation("version", "must be at least 1"));
        }
        if (isBlank(d.title())) {
            out.add(new Violation("title", "must not be blank"));
        }

        List<Violation> bandOrderViolations = new ArrayList<>();
        Map<String, Integer> bandRank = bandOrder(d.bandOrder(), bandOrderViolations);
        items(d.items(), domainKeys(d.domains()), out);
        domains(d.domains(), domainItemCounts(d), bandRank, out);
        out.addAll(bandOrderViolations);
        int domainCount = d.domains() == null ? 0 : d.domains().size();

        if (d.flag() != null) {
            condition("flag", d.flag().asCondition(), bandRank, domainCount, out);
        }
        if (d.tiers() == null) {
            out.add(new Violation("tiers", "is required (use [] for none)"));
        } else {
            for (int i = 0; i < d.tiers().size(); i++) {
                TierRule t = d.tiers().get(i);
                String path = "tiers[" + i + "]";
                if (t == null) {
                    out.add(new Violation(path, "must not be null"));
                    continue;
                }
                if (t.tier() == null || t.tier() < MIN_TIER || t.tier() > MAX_TIER) {
                    out.add(new Violation(path + ".tier", "must be between " + MIN_TIER + " and " + MAX_TIER));
                }
                if (t.when() == null) {
                    out.add(new Violation(path + ".when", "is required"));
                } else {
                    condition(path + ".when", t.when(), bandRank, domainCount, out);
                }
            }
        }
        return out;
    }

    private static Map<String, Integer> bandOrder(List<String> bandOrder, List<Violation> out) {
        Map<String, Integer> rank = new HashMap<>();
        if (bandOrder == null || bandOrder.isEmpty()) {
            out.add(new Violation("bandOrder", "must not be empty"));
            return rank;
        }
        for (int i = 0; i < bandOrder.size(); i++) {
            String band = bandOrder.get(i);
            if (isBlank(band)) {
                out.add(new Violation("bandOrder[" + i + "]", "must not be blank"));
            } else if (rank.putIfAbsent(band, i) != null) {
                out.add(new Violation("bandOrder[" + i + "]", "duplicate band '" + band + "'"));
            }
        }
        return rank;
    }

    private static Map<String, Integer> domainItemCounts(InstrumentDefinition d) {
        Map<String, Integer> counts = new HashMap<>();
        if (d.items() != null) {
            for (Item item : d.items()) {
                if (item != null && item.domain() != null) {
                    counts.merge(item.domain(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static Set<String> domainKeys(List<Domain> domains) {
        Set<String> keys = new HashSet<>();
        if (domains != null) {
            for (Domain dom : domains) {
                if (dom != null && !isBlank(dom.key())) {
                    keys.add(dom.key());
                }
            }
        }
        return keys;
    }

    private static void domains(
            List<Domain> domains,
            Map<String, Integer> itemsPerDomain,
            Map<String, Integer> bandRank,
            List<Violation> out) {
        if (domains == null || domains.isEmpty()) {
            out.add(new Violation("domains", "must not be empty"));
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int j = 0; j < domains.size(); j++) {
            Domain dom = domains.get(j);
            String path = "domains[" + j + "]";
            if (dom == null) {
                out.add(new Violation(path, "must not be null"));
                continue;
            }
            int itemCount = 0;
            if (isBlank(dom.key())) {
                out.add(new Violation(path + ".key", "must not be blank"));
            } else {
                if (!keys.add(dom.key())) {
                    out.add(new Violation(path + ".key", "duplicate domain key '" + dom.key() + "'"));
                }
                itemCount = itemsPerDomain.getOrDefault(dom.key(), 0);
                if (itemCount == 0) {
                    out.add(new Violation(path, "has no items"));
                }
            }
            if (isBlank(dom.label())) {
                out.add(new Violation(path + ".label", "must not be blank"));
            }
            if (!InstrumentDefinition.SUM.equals(dom.method()) && !InstrumentDefinition.MEAN.equals(dom.method())) {
                out.add(new Violation(path + ".method", "must be 'sum' or 'mean'"));
            }
            int minAnswered = dom.effectiveMinAnswered();
            if (minAnswered < 1) {
                out.add(new Violation(path + ".minAnswered", "must be at least 1"));
            } else if (itemCount > 0 && minAnswered > itemCount) {
                out.add(new Violation(
                        path + ".minAnswered", "must not exceed the domain's number of items (" + itemCount + ")"));
            }
            bands(path + ".bands", dom.bands(), bandRank, out);
            if (dom.needs() == null) {
                out.add(new Violation(path + ".needs", "is required (use [] for none)"));
            } else {
                for (int k = 0; k < dom.needs().size(); k++) {
                    if (isBlank(dom.needs().get(k))) {
                        out.add(new Violation(path + ".needs[" + k + "]", "must not be blank"));
                    }
                }
            }
        }
    }

    private static void bands(String path, List<Band> bands, Map<String, Integer> bandRank, List<Violation> out) {
        if (bands == null || bands.isEmpty()) {
            out.add(new Violation(path, "must not be empty"));
            return;
        }
        Double previousUpTo = null;
        String previousName = null;
        int previousRank = -1;
        for (int k = 0; k < bands.size(); k++) {
            Band b = bands.get(k);
            String bPath = path + "[" + k + "]";
            if (b == null) {
                out.add(new Violation(bPath, "must not be null"));
                continue;
            }
            if (isBlank(b.band())) {
                out.add(new Violation(bPath + ".band", "must not be blank"));
            } else if (!bandRank.containsKey(b.band())) {
                out.add(new Violation(bPath + ".band", "'" + b.band() + "' is not in bandOrder"));
            } else {
                int rank = bandRank.get(b.band());
                if (rank <= previousRank) {
                    out.add(new Violation(
                            bPath + ".band",
                            "'" + b.band() + "' must come after '" + previousName + "' as in bandOrder"));
                }
                previousRank = rank;
                previousName = b.band();
            }
            boolean last = k == bands.size() - 1;
            if (last) {
                if (b.upTo() != null) {
                    out.add(new Violation(bPath + ".upTo", "must be absent on the last band, which is open-ended"));
                }
            } else if (b.upTo() == null) {
                out.add(new Violation(bPath + ".upTo", "is required on every band but the last"));
            } else if (!Double.isFinite(b.upTo())) {
                out.add(new Violation(bPath + ".upTo", "must be a finite number"));
            } else {
                if (previousUpTo != null && b.upTo() <= previousUpTo) {
                    out.add(new Violation(
                            bPath + ".upTo", "must be greater than the previous band's upTo (" + previousUpTo + ")"));
                }
                previousUpTo = b.upTo();
            }
        }
    }

    private static void items(List<Item> items, Set<String> domainKeys, List<Violation> out) {
        if (items == null || items.isEmpty()) {
            out.add(new Violation("items", "must not be empty"));
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String path = "items[" + i + "]";
            if (item == null) {
                out.add(new Violation(path, "must not be null"));
                continue;
            }
            if (isBlank(item.id())) {
                out.add(new Violation(path + ".id", "must not be blank"));
            } else if (!ids.add(item.id())) {
                out.add(new Violation(path + ".id", "duplicate item id '" + item.id() + "'"));
            }
            if (isBlank(item.text())) {
                out.add(new Violation(path + ".text", "must not be blank"));
            }
            if (isBlank(item.domain())) {
                out.add(new Violation(path + ".domain", "must not be blank"));
            } else if (!domainKeys.contains(item.domain())) {
                out.add(new Violation(path + ".domain", "unknown domain '" + item.domain() + "'"));
            }
            if (item.min() == null) {
                out.add(new Violation(path + ".min", "is required"));
            }
            if (item.max() == null) {
                out.add(new Violation(path + ".max", "is required"));
            }
            if (item.min() != null && item.max() != null && item.min() >= item.max()) {
                out.add(new Violation(path + ".max", "must be greater than min (" + item.min() + ")"));
            }
            if (item.weight() != null && !(item.weight() > 0 && Double.isFinite(item.weight()))) {
                out.add(new Violation(path + ".weight", "must be a number greater than 0"));
            }
        }
    }

    private static void condition(
            String path, Condition c, Map<String, Integer> bandRank, int domainCount, List<Violation> out) {
        if (c.anyDomainAtLeast() == null && c.domainsAtLeast() == null) {
            out.add(new Violation(path, "must have anyDomainAtLeast or domainsAtLeast"));
            return;
        }
        if (c.anyDomainAtLeast() != null && !bandRank.containsKey(c.anyDomainAtLeast())) {
            out.add(new Violation(path + ".anyDomainAtLeast", "unknown band '" + c.anyDomainAtLeast() + "'"));
        }
        DomainsAtLeast dal = c.domainsAtLeast();
        if (dal != null) {
            if (dal.band() == null) {
                out.add(new Violation(path + ".domainsAtLeast.band", "is required"));
            } else if (!bandRank.containsKey(dal.band())) {
                out.add(new Violation(path + ".domainsAtLeast.band", "unknown band '" + dal.band() + "'"));
            }
            if (dal.count() == null || dal.count() < 1) {
                out.add(new Violation(path + ".domainsAtLeast.count", "must be at least 1"));
            } else if (domainCount > 0 && dal.count() > domainCount) {
                out.add(new Violation(
                        path + ".domainsAtLeast.count", "must not exceed the number of domains (" + domainCount + ")"));
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
