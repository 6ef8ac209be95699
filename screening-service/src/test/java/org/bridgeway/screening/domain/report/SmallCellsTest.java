package org.bridgeway.screening.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmallCellsTest {

    private static final Cell HIDDEN = new Cell(null, true);

    @ParameterizedTest(name = "{0} -> suppressed: {1}")
    @CsvSource({"0, true", "1, true", "4, true", "5, false", "6, false", "1000, false"})
    void aCountUnderFiveIsSuppressed(long count, boolean suppressed) {
        assertEquals(suppressed ? HIDDEN : new Cell(count, null), SmallCells.cell(count));
        assertEquals(5, SmallCells.THRESHOLD);
    }

    @Test
    void aRowWithoutSmallCellsIsShownAsIs() {
        assertEquals(
                cells("low", shown(12), "moderate", shown(5), "high", shown(7)),
                SmallCells.row(counts("low", 12, "moderate", 5, "high", 7)));
    }

    @Test
    void aSingleSmallCellTakesTheNextSmallestWithIt() {
        // shown alone, the 3 could be worked out from the row total
        assertEquals(
                cells("low", shown(12), "moderate", HIDDEN, "high", HIDDEN, "incomplete", shown(9)),
                SmallCells.row(counts("low", 12, "moderate", 6, "high", 3, "incomplete", 9)));
        assertEquals(
                cells("low", HIDDEN, "moderate", shown(40), "high", HIDDEN),
                SmallCells.row(counts("low", 5, "moderate", 40, "high", 0)));
    }

    @Test
    void twoOrMoreSmallCellsNeedNoSecondSuppression() {
        assertEquals(
                cells("low", shown(12), "moderate", HIDDEN, "high", shown(7), "incomplete", HIDDEN),
                SmallCells.row(counts("low", 12, "moderate", 0, "high", 7, "incomplete", 1)));
        assertEquals(
                cells("low", HIDDEN, "moderate", HIDDEN, "high", HIDDEN),
                SmallCells.row(counts("low", 1, "moderate", 2, "high", 3)));
    }

    @Test
    void aRowOfOneCellIsSuppressedOnlyWhenSmall() {
        assertEquals(cells("only", HIDDEN), SmallCells.row(counts("only", 3)));
        assertEquals(cells("only", shown(8)), SmallCells.row(counts("only", 8)));
        assertEquals(Map.of(), SmallCells.row(new LinkedHashMap<>()));
    }

    @Test
    void theRowKeepsItsOrderAndLeavesTheInputAlone() {
        Map<String, Long> input = counts("high", 9, "low", 2, "moderate", 30);
        Map<String, Long> copy = new LinkedHashMap<>(input);
        assertEquals(
                List.of("high", "low", "moderate"),
                List.copyOf(SmallCells.row(input).keySet()));
        assertEquals(copy, input);
    }

    @ParameterizedTest(name = "{0} of {1} -> {2}")
    @CsvSource({
        "7, 12, 0.583",
        "5, 5, 1.0",
        "5, 10, 0.5",
        "10, 20, 0.5",
        "1, 3, ", // both small
        "4, 100, ", // part small
        "5, 4, ", // whole small
        "5, 9, ", // the complement (4) is small
        "0, 0, ", // nothing to divide
        "100, 105, 0.952"
    })
    void aShareIsShownOnlyWhenItsPartsAreNotSmall(long part, long whole, Double expected) {
        assertEquals(
                expected == null ? new Share(null, true) : new Share(expected, null), SmallCells.share(part, whole));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "7, 12, true", // 12 - 7 = 5 not flagged: both publishable
        "10, 12, false", // only 2 not flagged: flagged would give them away
        "12, 12, false", // everyone flagged is as telling
        "4, 40, false", // small itself
        "20, 40, true"
    })
    void aPartIsHiddenWhenItOrItsComplementIsSmall(long part, long whole, boolean published) {
        Cell cell = SmallCells.part(part, whole);
        assertEquals(published ? shown(part) : new Cell(null, true), cell);
    }

    private static Cell shown(long count) {
        return new Cell(count, null);
    }

    private static Map<String, Long> counts(Object... keyThenCount) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < keyThenCount.length; i += 2) {
            counts.put((String) keyThenCount[i], ((Number) keyThenCount[i + 1]).longValue());
        }
        return counts;
    }

    private static Map<String, Cell> cells(Object... keyThenCell) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (int i = 0; i < keyThenCell.length; i += 2) {
            cells.put((String) keyThenCell[i], (Cell) keyThenCell[i + 1]);
        }
        return cells;
    }
}
