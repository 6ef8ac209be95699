package org.bridgeway.screening.domain.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suppression of a whole table of counts (rows by columns) whose row and column totals a reader may also see.
 * A cell is checked against the lines it sits in, not only on its own, and the rules run until nothing changes:
 * <ol>
 * <li>a count under {@link SmallCells#THRESHOLD} is hidden;</li>
 * <li>in a line whose total is published, a sensitive cell is hidden when the rest of the line is small: showing
 * 7 of 7 screened in the high band says "high" of each of them, as surely as a cell of 2 would;</li>
 * <li>in a line whose total is published, a single hidden cell is the total minus the shown ones, so the smallest
 * shown cell of that line is hidden with it.</li>
 * </ol>
 *
 * @param counts          row key to column key to count, in the order to publish
 * @param rowTotals       the published total of each row that has one (absent: the row's total is not published)
 * @param columnTotals    the published total of each column that has one
 * @param sensitiveColumns columns whose every member is singled out by being counted there (e.g. risk bands)
 */
public record TableSuppression(
        Map<String, Map<String, Long>> counts,
        Map<String, Long> rowTotals,
        Map<String, Long> columnTotals,
        Set<String> sensitiveColumns) {

    private record Key(String row, String column) {}

    public Map<String, Map<String, Cell>> apply() {
        Set<Key> hidden = new HashSet<>();
        forEachCell((key, count) -> {
            if (count < SmallCells.THRESHOLD) {
                hidden.add(key);
            }
        });
        boolean changed;
        do {
            changed = false;
            for (Line line : lines()) {
                changed |= hideSensitiveWithSmallRest(line, hidden);
                changed |= hideSecondIfAlone(line, hidden);
            }
        } while (changed);
        Map<String, Map<String, Cell>> table = new LinkedHashMap<>();
        counts.forEach((row, cells) -> {
            Map<String, Cell> published = new LinkedHashMap<>();
            cells.forEach((column, count) ->
                    published.put(column, hidden.contains(new Key(row, column)) ? Cell.SUPPRESSED : Cell.shown(count)));
            table.put(row, published);
        });
        return table;
    }

    /** A row or a column with a published total, its cells in publishing order. */
    private record Line(List<Key> cells, long total) {}

    private List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        counts.forEach((row, cells) -> {
            if (rowTotals.containsKey(row)) {
                lines.add(new Line(
                        cells.keySet().stream()
                                .map(column -> new Key(row, column))
                                .toList(),
                        rowTotals.get(row)));
            }
        });
        columnTotals.forEach((column, total) -> lines.add(new Line(
                counts.entrySet().stream()
                        .filter(row -> row.getValue().containsKey(column))
                        .map(row -> new Key(row.getKey(), column))
                        .toList(),
                total)));
        return lines;
    }

    private boolean hideSensitiveWithSmallRest(Line line, Set<Key> hidden) {
        if (line.cells().size() < 2) {
            return false; // a line of one cell is its total, published anyway
        }
        boolean changed = false;
        for (Key key : line.cells()) {
            if (!hidden.contains(key)
                    && sensitiveColumns.contains(key.column())
                    && line.total() - count(key) < SmallCells.THRESHOLD) {
                changed |= hidden.add(key);
            }
        }
        return changed;
    }

    private boolean hideSecondIfAlone(Line line, Set<Key> hidden) {
        if (line.cells().stream().filter(hidden::contains).count() != 1) {
            return false;
        }
        return line.cells().stream()
                .filter(key -> !hidden.contains(key))
                .min(Comparator.comparingLong(this::count))
                .map(hidden::add)
                .orElse(false);
    }

    private long count(Key key) {
        return counts.get(key.row()).get(key.column());
    }

    private void forEachCell(java.util.function.BiConsumer<Key, Long> action) {
        counts.forEach((row, cells) -> cells.forEach((column, count) -> action.accept(new Key(row, column), count)));
    }
}
