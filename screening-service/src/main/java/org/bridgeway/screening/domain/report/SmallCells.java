package org.bridgeway.screening.domain.report;

import java.util.Map;
import java.util.Set;

/**
 * Small-cell suppression for aggregates about children: a count under the threshold is shown as
 * suppressed. When exactly one cell of a row would be hidden, the next smallest is hidden too, or
 * the row total would give the hidden one away; whole tables go through {@link TableSuppression}.
 */
public final class SmallCells {

    public static final int THRESHOLD = 5;

    private SmallCells() {}

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
        return new TableSuppression(
                        Map.of("row", counts),
                        Map.of(
                                "row",
                                counts.values().stream()
                                        .mapToLong(Long::longValue)
                                        .sum()),
                        Map.of(),
                        Set.of())
                .apply()
                .get("row");
    }

    /** A share is shown only when both its numerator and its denominator are publishable. */
    public static Share share(long part, long whole) {
        if (part < THRESHOLD || whole < THRESHOLD || whole - part < THRESHOLD && whole != part) {
            return new Share(null, true);
        }
        return new Share(Math.round(1000.0 * part / whole) / 1000.0, null);
    }
}
