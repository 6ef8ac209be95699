package org.bridgeway.screening.domain.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression for aggregates about children: a count under the threshold is shown as
 * suppressed. When exactly one cell of a row would be hidden, the next smallest is hidden too, or
 * the row total would give the hidden one away.
 */
public final class SmallCells {

    public static final int THRESHOLD = 5;

    private SmallCells() {
    }

    public static Cell cell(long count) {
        return count < THRESHOLD ? new Cell(null, true) : new Cell(count, null);
    }

    /**
     * A part of a published whole (flagged of screened): hidden when it is small, and also when the rest
     * of the whole is, since whole minus part would give the small group away.
     */
    public static Cell part(long part, long whole) {
        return part < THRESHOLD || whole - part < THRESHOLD ? new Cell(null, true) : new Cell(part, null);
    }

    /** Suppresses a row of cells that add up to a published total (e.g. the bands of one domain). */
    public static Map<String, Cell> row(Map<String, Long> counts) {
        List<String> hidden = new ArrayList<>(counts.entrySet().stream()
                .filter(e -> e.getValue() < THRESHOLD).map(Map.Entry::getKey).toList());
        if (hidden.size() == 1 && counts.size() > 1) {
            counts.entrySet().stream()
                    .filter(e -> !hidden.contains(e.getKey()))
                    .min(Comparator.comparingLong(Map.Entry::getValue))
                    .ifPresent(e -> hidden.add(e.getKey()));
        }
        Map<String, Cell> row = new LinkedHashMap<>();
        counts.forEach((key, count) -> row.put(key, hidden.contains(key) ? new Cell(null, true) : new Cell(count, null)));
        return row;
    }

    /** A share is shown only when both its numerator and its denominator are publishable. */
    public static Share share(long part, long whole) {
        if (part < THRESHOLD || whole < THRESHOLD || whole - part < THRESHOLD && whole != part) {
            return new Share(null, true);
        }
        return new Share(Math.round(1000.0 * part / whole) / 1000.0, null);
    }
}
