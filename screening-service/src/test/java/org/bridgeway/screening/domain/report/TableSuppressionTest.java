package org.bridgeway.screening.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Suppression that looks at each row's and column's published total, not only at each cell. */
class TableSuppressionTest {

    private static final Cell HIDDEN = new Cell(null, true);
    private static final Set<String> CONCERN = Set.of("moderate", "high");

    @Test
    void sevenScreenedAllInTheHighBandShowNoBandAtAll() {
        // the row total (7 screened) is published: a shown 7 in "high" would say "high" of each of the seven
        var table = table(row("housing", "low", 0, "moderate", 0, "high", 7, "incomplete", 0));

        var published = new TableSuppression(table, Map.of("housing", 7L), Map.of(), CONCERN).apply();

        assertEquals(
                cells("low", HIDDEN, "moderate", HIDDEN, "high", HIDDEN, "incomplete", HIDDEN),
                published.get("housing"));
    }

    @Test
    void aConcernBandIsShownWhenTheRestOfItsRowIsNotSmall() {
        var table = table(row("housing", "low", 5, "moderate", 0, "high", 7, "incomplete", 0));

        var published = new TableSuppression(table, Map.of("housing", 12L), Map.of(), CONCERN).apply();

        assertEquals(
                cells("low", shown(5), "moderate", HIDDEN, "high", shown(7), "incomplete", HIDDEN),
                published.get("housing"));
    }

    @Test
    void aConcernBandWithAFewOthersBesideItIsHiddenAndTakesTheNextSmallestWithIt() {
        // 20 of 23 in "high": showing it says the other 3 are not; then the lone hidden cell needs company
        var table = table(row("housing", "low", 3, "moderate", 0, "high", 20, "incomplete", 0));

        var published = new TableSuppression(table, Map.of("housing", 23L), Map.of(), CONCERN).apply();

        assertEquals(
                cells("low", HIDDEN, "moderate", HIDDEN, "high", HIDDEN, "incomplete", HIDDEN),
                published.get("housing"));
    }

    @Test
    void everyoneInTheLowestBandIsNoConcernToShow() {
        var table = table(row("home", "low", 12, "moderate", 0, "high", 0, "incomplete", 0));

        var published = new TableSuppression(table, Map.of("home", 12L), Map.of(), CONCERN).apply();

        assertEquals(shown(12), published.get("home").get("low"));
    }

    @Test
    void aPublishedColumnTotalNeedsItsOwnSecondSuppression() {
        // rows have no published totals here; the "high" column does (9): school's 3 alone would be 9 - 6
        var table = table(row("housing", "low", 20, "high", 6), row("school", "low", 30, "high", 3));

        var published = new TableSuppression(table, Map.of(), Map.of("high", 9L), Set.of()).apply();

        assertEquals(cells("low", shown(20), "high", HIDDEN), published.get("housing"));
        assertEquals(cells("low", shown(30), "high", HIDDEN), published.get("school"));
    }

    @Test
    void suppressionInAColumnCarriesOnIntoTheRowsItTouches() {
        // column "high" (published 9) hides housing's 6 next to school's 3; housing's row (published 32) then has a
        // single hidden cell, so its next smallest goes too; school's row has no published total
        var table = table(
                row("housing", "low", 20, "moderate", 6, "high", 6),
                row("school", "low", 30, "moderate", 8, "high", 3));

        var published = new TableSuppression(table, Map.of("housing", 32L), Map.of("high", 9L), Set.of()).apply();

        assertEquals(cells("low", shown(20), "moderate", HIDDEN, "high", HIDDEN), published.get("housing"));
        assertEquals(cells("low", shown(30), "moderate", shown(8), "high", HIDDEN), published.get("school"));
        assertEquals(List.of("housing", "school"), List.copyOf(published.keySet()));
    }

    @Test
    void withoutPublishedTotalsOnlySmallCellsAreHidden() {
        var table = table(row("housing", "low", 20, "moderate", 2, "high", 7));

        var published = new TableSuppression(table, Map.of(), Map.of(), CONCERN).apply();

        assertEquals(cells("low", shown(20), "moderate", HIDDEN, "high", shown(7)), published.get("housing"));
    }

    private static Cell shown(long count) {
        return new Cell(count, null);
    }

    private record Row(String key, Map<String, Long> counts) {}

    private static Row row(String key, Object... columnThenCount) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < columnThenCount.length; i += 2) {
            counts.put((String) columnThenCount[i], ((Number) columnThenCount[i + 1]).longValue());
        }
        return new Row(key, counts);
    }

    private static Map<String, Map<String, Long>> table(Row... rows) {
        Map<String, Map<String, Long>> table = new LinkedHashMap<>();
        for (Row row : rows) {
            table.put(row.key(), row.counts());
        }
        return table;
    }

    private static Map<String, Cell> cells(Object... columnThenCell) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (int i = 0; i < columnThenCell.length; i += 2) {
            cells.put((String) columnThenCell[i], (Cell) columnThenCell[i + 1]);
        }
        return cells;
    }
}
