package org.bridgeway.partner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bridgeway.partner.domain.ServiceModel.SearchCriteria;
import org.bridgeway.partner.store.ServiceIndexQuery.Row;
import org.junit.jupiter.api.Test;

class DirectoryIndexTest {

    private static final UUID LOW = UUID.fromString("00000000-0000-0000-0000-000000000001");
    // negative as a Java long, but greater than LOW in PostgreSQL's (unsigned) uuid order
    private static final UUID HIGH = UUID.fromString("ffffffff-0000-0000-0000-000000000001");

    private static Row row(UUID id, String name, List<String> needs, Integer available) {
        return new Row(
                id, name, null, needs, List.of("area-1"), List.of("en"), null, null, null, null, "active", available);
    }

    private static SearchCriteria needs(boolean all, String... needs) {
        return new SearchCriteria(List.of(needs), all, List.of(), null, null, List.of(), false, null, null);
    }

    private static final SearchCriteria EVERYTHING = needs(false);

    @Test
    void servicesCoveringMoreOfTheRequestedNeedsComeFirstThenOpenPlacesThenNameThenId() {
        UUID both = UUID.randomUUID();
        UUID housingFull = UUID.randomUUID();
        UUID housingUnknown = UUID.randomUUID();
        UUID housingFew = UUID.randomUUID();
        UUID housingMany = UUID.randomUUID();
        DirectoryIndex index = DirectoryIndex.EMPTY.with(List.of(
                row(housingUnknown, "A unknown", List.of("housing"), null),
                row(housingFull, "A full", List.of("housing"), 0),
                row(housingFew, "Z few", List.of("housing"), 1),
                row(housingMany, "Z many", List.of("housing"), 9),
                row(both, "Z both", List.of("housing", "food-security"), 0),
                row(UUID.randomUUID(), "Other", List.of("mentoring"), 50)));

        DirectoryIndex.Result result = index.search(needs(false, "housing", "food-security"), 0, 20);

        assertEquals(List.of(both, housingMany, housingFew, housingFull, housingUnknown), result.ids());
        assertEquals(5, result.total());
    }

    @Test
    void allNeedsKeepsOnlyServicesCoveringEveryOne() {
        UUID both = UUID.randomUUID();
        DirectoryIndex index = DirectoryIndex.EMPTY.with(List.of(
                row(both, "Both", List.of("housing", "mentoring"), 1),
                row(UUID.randomUUID(), "Housing", List.of("housing"), 1)));

        assertEquals(
                List.of(both),
                index.search(needs(true, "housing", "mentoring"), 0, 20).ids());
        assertEquals(
                2, index.search(needs(false, "housing", "mentoring"), 0, 20).total());
    }

    @Test
    void equalNamesAreOrderedByIdAsPostgresqlOrdersUuids() {
        DirectoryIndex index = DirectoryIndex.EMPTY.with(
                List.of(row(HIGH, "Same", List.of(), null), row(LOW, "same", List.of(), null)));

        assertEquals(List.of(LOW, HIGH), index.search(EVERYTHING, 0, 20).ids());
        assertTrue(HIGH.compareTo(LOW) < 0, "Java's own order would put HIGH first");
    }

    @Test
    void namesCompareByCodePointLikeCollateC() {
        // U+1F600 (a surrogate pair in UTF-16) is above U+FFFD in code points and in UTF-8 bytes
        assertTrue(DirectoryIndex.compareCodePoints("a\uD83D\uDE00", "a\uFFFD") > 0);
        assertTrue(DirectoryIndex.compareCodePoints("ab", "abc") < 0);
        assertEquals(0, DirectoryIndex.compareCodePoints("abc", "abc"));
    }

    @Test
    void eligibilityBoundsAreInclusiveAndMissingBoundsDoNotLimit() {
        UUID teens = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        DirectoryIndex index = DirectoryIndex.EMPTY.with(List.of(
                new Row(teens, "Teens", null, List.of(), List.of(), List.of(), 13, 17, 7, 12, "active", null),
                new Row(open, "Open", null, List.of(), List.of(), List.of(), null, null, null, null, "active", null)));

        assertEquals(List.of(open, teens), index.search(criteria(17, 12), 0, 20).ids());
        assertEquals(List.of(open), index.search(criteria(18, null), 0, 20).ids());
        assertEquals(List.of(open), index.search(criteria(null, 6), 0, 20).ids());
    }

    private static SearchCriteria criteria(Integer age, Integer grade) {
        return new SearchCriteria(List.of(), false, List.of(), age, grade, List.of(), false, null, null);
    }

    private static Row shelter(UUID id, String description, String area, String status, int available) {
        return new Row(
                id,
                "Youth Shelter",
                description,
                List.of(),
                List.of(area),
                List.of("fr"),
                null,
                null,
                null,
                null,
                status,
                available);
    }

    @Test
    void areasLanguagesCapacityStatusAndTextFilterTogether() {
        UUID match = UUID.randomUUID();
        DirectoryIndex index = DirectoryIndex.EMPTY.with(List.of(
                shelter(match, "Beds for 100% of nights", "north", "active", 2),
                shelter(UUID.randomUUID(), "Beds for 100% of nights", "north", "inactive", 2),
                shelter(UUID.randomUUID(), "Beds for 100% of nights", "north", "active", 0),
                shelter(UUID.randomUUID(), "Beds for 100% of nights", "south", "active", 2),
                shelter(UUID.randomUUID(), "Beds", "north", "active", 2)));

        SearchCriteria criteria = new SearchCriteria(
                List.of(), false, List.of("north", "east"), null, null, List.of("fr"), true, "active", "100% OF");

        assertEquals(List.of(match), index.search(criteria, 0, 20).ids());
    }

    @Test
    void pagesSliceAcrossBucketsAndTheTotalCountsEveryMatch() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(row(UUID.randomUUID(), String.format("S%02d", i), i < 10 ? List.of("a", "b") : List.of("a"), 1));
        }
        DirectoryIndex index = DirectoryIndex.EMPTY.with(rows);
        List<UUID> all = index.search(needs(false, "a", "b"), 0, 100).ids();

        DirectoryIndex.Result second = index.search(needs(false, "a", "b"), 8, 4);

        assertEquals(all.subList(8, 12), second.ids());
        assertEquals(25, second.total());
        assertEquals(rows.get(0).id(), all.get(0));
        assertEquals(rows.get(10).id(), all.get(10));
        assertEquals(List.of(), index.search(needs(false, "a"), 25, 10).ids());
    }

    @Test
    void aChangedRowReplacesItsEntryAndUnchangedRowsKeepTheIndex() {
        UUID id = UUID.randomUUID();
        Row before = row(id, "Before", List.of("housing"), 1);
        DirectoryIndex index = DirectoryIndex.EMPTY.with(List.of(before));

        assertSame(index, index.with(List.of(before)));
        DirectoryIndex changed = index.with(List.of(row(id, "After", List.of("mentoring"), 1)));

        assertEquals(1, changed.size());
        assertEquals(0, changed.search(needs(false, "housing"), 0, 20).total());
        assertEquals(
                List.of(id), changed.search(needs(false, "mentoring"), 0, 20).ids());
        assertEquals(1, index.search(needs(false, "housing"), 0, 20).total(), "the old index is unchanged");
    }
}
