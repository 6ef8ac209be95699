package org.bridgeway.referral.domain.report;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The suite's small-cell rule (as screening-service applies it): a count under 5 is not shown. In a
 * breakdown that adds up to a shown total, a single hidden cell takes the next smallest with it, or the
 * total would give it away. A rate is shown only when both of its counts, and their difference, are shown.
 * (The same rule lives in screening-service's SmallCells; a shared home in platform would serve both.)
 */
public final class Suppression {

    public static final int MINIMUM = 5;

    private Suppression() {}

    /** A count, or null for suppressed. */
    public static Long count(long value) {
        return value < MINIMUM ? null : value;
    }

    public static Map<String, Long> breakdown(Map<String, Long> counts) {
        Set<String> hidden = new HashSet<>();
        counts.forEach((key, value) -> {
            if (value < MINIMUM) {
                hidden.add(key);
            }
        });
        if (hidden.size() == 1 && counts.size() > 1) {
            counts.entrySet().stream()
                    .filter(e -> !hidden.contains(e.getKey()))
                    .min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .ifPresent(e -> hidden.add(e.getKey()));
        }
        Map<String, Long> shown = new LinkedHashMap<>();
        counts.forEach((key, value) -> shown.put(key == null ? "unknown" : key, hidden.contains(key) ? null : value));
        return shown;
    }

    /** part / whole rounded to 3 places, or null when it could single someone out. */
    public static Double rate(long part, long whole) {
        boolean restShown = whole - part >= MINIMUM || whole == part;
        if (part < MINIMUM || whole < MINIMUM || !restShown) {
            return null;
        }
        return Math.round(1000.0 * part / whole) / 1000.0;
    }

    /** A figure derived from {@code basis} people (a median), shown only when the basis is. */
    public static Double figure(Double value, long basis) {
        return value == null || basis < MINIMUM ? null : value;
    }
}
