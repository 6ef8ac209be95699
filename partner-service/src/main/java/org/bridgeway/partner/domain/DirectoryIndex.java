package org.bridgeway.partner.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bridgeway.partner.domain.ServiceModel.SearchCriteria;
import org.bridgeway.partner.store.ServiceIndexQuery.Row;

/**
 * An immutable, searchable copy of the directory's search fields. PostgreSQL needed 5-20 ms for a broad query
 * over 10,000 services (a sequential scan testing every row's arrays, then a window count); walking 10,000 row
 * objects in Java still cost ~5 ms in cache misses. So the services are laid out as columns in relevance order,
 * with a posting list (positions) per need, area, language and status: a search combines a few bit sets and
 * reads primitive arrays only for the services that remain.
 *
 * <p>Relevance: the number of requested needs a service covers, then open capacity first (most places first,
 * full before unknown), then the lower-cased name in code-point order, then the id in PostgreSQL's uuid order,
 * so paging is stable. Positions follow that order without the first key, so a search is one pass over the
 * matches that buckets them by needs covered.
 */
public final class DirectoryIndex {

    public static final DirectoryIndex EMPTY = new DirectoryIndex(Map.of());

    /** The ids of one page, most relevant first, and how many services matched in all. */
    public record Result(List<UUID> ids, long total) {}

    private record Entry(Row row, String nameKey) {}

    private static final Comparator<Entry> ORDER = Comparator.<Entry>comparingInt(e -> openPlaces(e.row()))
            .reversed()
            .thenComparing(e -> e.row().available() == null)
            .thenComparing(Entry::nameKey, DirectoryIndex::compareCodePoints)
            .thenComparing(e -> e.row().id(), DirectoryIndex::compareUnsigned);

    private final Map<UUID, Row> byId;
    private final int size;
    private final UUID[] ids;
    private final String[] text;
    private final int[] minAge;
    private final int[] maxAge;
    private final int[] minGrade;
    private final int[] maxGrade;
    private final BitSet withOpenPlaces;
    private final Map<String, int[]> byNeed;
    private final Map<String, int[]> byArea;
    private final Map<String, int[]> byLanguage;
    private final Map<String, int[]> byStatus;

    private DirectoryIndex(Map<UUID, Row> byId) {
        this.byId = byId;
        List<Entry> entries = new ArrayList<>(byId.size());
        byId.values().forEach(row -> entries.add(new Entry(row, row.name().toLowerCase(Locale.ROOT))));
        entries.sort(ORDER);
        size = entries.size();
        ids = new UUID[size];
        text = new String[size];
        minAge = new int[size];
        maxAge = new int[size];
        minGrade = new int[size];
        maxGrade = new int[size];
        withOpenPlaces = new BitSet(size);
        Map<String, List<Integer>> needs = new HashMap<>();
        Map<String, List<Integer>> areas = new HashMap<>();
        Map<String, List<Integer>> languages = new HashMap<>();
        Map<String, List<Integer>> statuses = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Row row = entries.get(i).row();
            ids[i] = row.id();
            String description = row.description() == null ? "" : row.description();
            text[i] = (row.name() + " " + description).toLowerCase(Locale.ROOT);
            minAge[i] = row.minAge() == null ? Integer.MIN_VALUE : row.minAge();
            maxAge[i] = row.maxAge() == null ? Integer.MAX_VALUE : row.maxAge();
            minGrade[i] = row.minGrade() == null ? Integer.MIN_VALUE : row.minGrade();
            maxGrade[i] = row.maxGrade() == null ? Integer.MAX_VALUE : row.maxGrade();
            withOpenPlaces.set(i, openPlaces(row) > 0);
            post(needs, row.needs(), i);
            post(areas, row.areas(), i);
            post(languages, row.languages(), i);
            post(statuses, List.of(row.status()), i);
        }
        byNeed = postings(needs);
        byArea = postings(areas);
        byLanguage = postings(languages);
        byStatus = postings(statuses);
    }

    public int size() {
        return size;
    }

    /** This index with these rows added or replaced; itself when every row is already here as it is. */
    public DirectoryIndex with(Collection<Row> rows) {
        if (rows.stream().allMatch(row -> row.equals(byId.get(row.id())))) {
            return this;
        }
        Map<UUID, Row> changed = new HashMap<>(byId);
        rows.forEach(row -> changed.put(row.id(), row));
        return new DirectoryIndex(Map.copyOf(changed));
    }

    public Result search(SearchCriteria criteria, int offset, int limit) {
        List<String> needs = criteria.needs();
        BitSet[] coveringEach = new BitSet[needs.size()];
        for (int k = 0; k < needs.size(); k++) {
            coveringEach[k] = bits(byNeed.get(needs.get(k)));
        }
        BitSet candidates = candidates(criteria, coveringEach);
        String wanted = criteria.text() == null ? null : criteria.text().toLowerCase(Locale.ROOT);
        int[][] byCovered = new int[needs.size() + 1][];
        int[] counts = new int[needs.size() + 1];
        long total = 0;
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (!eligible(i, criteria.age(), minAge, maxAge)
                    || !eligible(i, criteria.grade(), minGrade, maxGrade)
                    || (wanted != null && !text[i].contains(wanted))) {
                continue;
            }
            int covered = 0;
            for (BitSet covering : coveringEach) {
                covered += covering.get(i) ? 1 : 0;
            }
            if (byCovered[covered] == null) {
                byCovered[covered] = new int[Math.max(16, candidates.cardinality())];
            }
            byCovered[covered][counts[covered]++] = i;
            total++;
        }
        return new Result(page(byCovered, counts, offset, limit), total);
    }

    /** The services that pass every filter kept as a posting list; the bounds and the text are checked after. */
    private BitSet candidates(SearchCriteria criteria, BitSet[] coveringEach) {
        BitSet candidates = new BitSet(size);
        candidates.set(0, size);
        if (coveringEach.length > 0) {
            BitSet anyOrAll = (BitSet) coveringEach[0].clone();
            for (int k = 1; k < coveringEach.length; k++) {
                if (criteria.allNeeds()) {
                    anyOrAll.and(coveringEach[k]);
                } else {
                    anyOrAll.or(coveringEach[k]);
                }
            }
            candidates.and(anyOrAll);
        }
        narrow(candidates, byArea, criteria.areas());
        narrow(candidates, byLanguage, criteria.languages());
        if (criteria.status() != null) {
            candidates.and(bits(byStatus.get(criteria.status())));
        }
        if (criteria.withCapacity()) {
            candidates.and(withOpenPlaces);
        }
        return candidates;
    }

    /** The slice [offset, offset + limit) of the buckets read from most needs covered down. */
    private List<UUID> page(int[][] byCovered, int[] counts, long offset, int limit) {
        List<UUID> page = new ArrayList<>(Math.min(limit, 100));
        long skip = offset;
        for (int covered = counts.length - 1; covered >= 0 && page.size() < limit; covered--) {
            if (skip >= counts[covered]) {
                skip -= counts[covered];
                continue;
            }
            for (int j = (int) skip; j < counts[covered] && page.size() < limit; j++) {
                page.add(ids[byCovered[covered][j]]);
            }
            skip = 0;
        }
        return page;
    }

    /** Keeps the candidates with any of the requested values; an empty request does not filter. */
    private void narrow(BitSet candidates, Map<String, int[]> postings, List<String> requested) {
        if (requested.isEmpty()) {
            return;
        }
        BitSet any = new BitSet(size);
        for (String value : requested) {
            any.or(bits(postings.get(value)));
        }
        candidates.and(any);
    }

    private BitSet bits(int[] positions) {
        BitSet bits = new BitSet(size);
        if (positions != null) {
            for (int position : positions) {
                bits.set(position);
            }
        }
        return bits;
    }

    /** Bounds are inclusive, and a missing bound (stored as the int's extreme) does not limit. */
    private static boolean eligible(int i, Integer value, int[] min, int[] max) {
        return value == null || (min[i] <= value && max[i] >= value);
    }

    private static void post(Map<String, List<Integer>> postings, List<String> values, int position) {
        for (String value : values) {
            List<Integer> positions = postings.computeIfAbsent(value, v -> new ArrayList<>());
            // a value listed twice on one service is posted once
            if (positions.isEmpty() || positions.get(positions.size() - 1) != position) {
                positions.add(position);
            }
        }
    }

    private static Map<String, int[]> postings(Map<String, List<Integer>> lists) {
        Map<String, int[]> postings = new HashMap<>();
        lists.forEach((value, positions) -> postings.put(
                value, positions.stream().mapToInt(Integer::intValue).toArray()));
        return Map.copyOf(postings);
    }

    private static int openPlaces(Row row) {
        return Objects.requireNonNullElse(row.available(), 0);
    }

    /** PostgreSQL's {@code COLLATE "C"}: UTF-8 byte order, which is code-point order. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** PostgreSQL compares uuids as unsigned bytes; {@link UUID#compareTo} compares signed longs. */
    static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
