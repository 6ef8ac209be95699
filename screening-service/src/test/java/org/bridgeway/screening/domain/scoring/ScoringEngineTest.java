package org.bridgeway.screening.domain.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.Band;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.Condition;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.Domain;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.DomainsAtLeast;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.FlagRule;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.Item;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.TierRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScoringEngineTest {

    private static final List<String> BANDS = List.of("low", "moderate", "high");

    /**
     * home: sum of a1..a4 (1-5), a2 reversed, a3 weight 2; total weight 5, range 5-25; low <= 9, moderate <= 14.
     * mood: mean of m1, m2 (weight 2), m3 (reversed), 1-5; low <= 2, moderate <= 3.5.
     * food: sum of f1, f2 (0-4); low <= 2, moderate <= 4.
     */
    private static final InstrumentDefinition TEST = instrument(
            new FlagRule("high", new DomainsAtLeast("moderate", 2)),
            List.of(
                    tier(4, null, "high", 2),
                    tier(3, "high", null, 0),
                    tier(2, null, "moderate", 2),
                    tier(1, "moderate", null, 0)),
            List.of(
                    item("a1", "home", 1, 5),
                    reverse(item("a2", "home", 1, 5)),
                    weighted(item("a3", "home", 1, 5), 2.0),
                    item("a4", "home", 1, 5),
                    item("m1", "mood", 1, 5),
                    weighted(item("m2", "mood", 1, 5), 2.0),
                    reverse(item("m3", "mood", 1, 5)),
                    item("f1", "food", 0, 4),
                    item("f2", "food", 0, 4)),
            List.of(
                    domain("home", "sum", 2, 9.0, 14.0, "family-support", "housing"),
                    domain("mood", "mean", 2, 2.0, 3.5, "mental-health"),
                    domain("food", "sum", 1, 2.0, 4.0, "food-security", "family-support")));

    private static final Map<String, Integer> ALL_LOW =
            answers("a1", 1, "a2", 5, "a3", 1, "a4", 1, "m1", 1, "m2", 1, "m3", 5, "f1", 0, "f2", 0);

    // --- item scores -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "a2={0} is reversed to {1}")
    @CsvSource({"1, 5", "2, 4", "3, 3", "5, 1"})
    void reverseItemScoresMinPlusMaxMinusRaw(int raw, int reversed) {
        // a1=1, a3=1 (x2 = 2), a4=1 contribute 4
        DomainScore home = domain(score(TEST, answers("a1", 1, "a2", raw, "a3", 1, "a4", 1)), "home");
        assertEquals(4.0 + reversed, home.score());
    }

    @ParameterizedTest(name = "a3={0} weighs {1}")
    @CsvSource({"1, 2", "3, 6", "5, 10"})
    void weightMultipliesTheItemScore(int raw, int weighted) {
        // a1=1, a2=5 (reversed to 1), a4=1 contribute 3
        DomainScore home = domain(score(TEST, answers("a1", 1, "a2", 5, "a3", raw, "a4", 1)), "home");
        assertEquals(3.0 + weighted, home.score());
    }

    @Test
    void reverseAndWeightCombine() {
        InstrumentDefinition d = instrument(
                null,
                List.of(),
                List.of(weighted(reverse(item("x", "d", 1, 5)), 3.0), item("y", "d", 1, 5)),
                List.of(domain("d", "sum", 1, 100.0, 200.0)));
        // x: (1 + 5 - 2) x 3 = 12; y: 1
        assertEquals(13.0, domain(score(d, answers("x", 2, "y", 1)), "d").score());
    }

    // --- sum, mean, prorating ------------------------------------------------------------------------------------

    @Test
    void sumIsProratedToTheWeightOfAllTheDomainsItems() {
        DomainScore home = domain(score(TEST, answers("a1", 4, "a3", 3)), "home");
        // answered: a1 = 4, a3 = 3 x 2 = 6 -> answered sum 10, answered weight 1 + 2 = 3
        // all items' weight 1 + 1 + 2 + 1 = 5 -> 10 x 5 / 3 = 16.666... -> high (> 14), shown as 16.67
        assertEquals(16.67, home.score());
        assertEquals("high", home.band());
        assertTrue(home.complete());
        assertEquals(2, home.answered());
        assertEquals(4, home.itemCount());
    }

    @Test
    void proratingCanLowerTheBandNotOnlyRaiseIt() {
        DomainScore home = domain(score(TEST, answers("a1", 2, "a2", 4, "a4", 1)), "home");
        // answered: 2 + (1 + 5 - 4) + 1 = 5, weight 3 -> 5 x 5 / 3 = 8.333... -> low
        assertEquals(8.33, home.score());
        assertEquals("low", home.band());
    }

    @Test
    void meanIsTheAnsweredSumOverTheAnsweredWeight() {
        // m1 = 4, m2 = 2 x 2 = 4, m3 = (1 + 5 - 2) = 4 -> 12 / (1 + 2 + 1) = 3.0
        DomainScore all = domain(score(TEST, answers("m1", 4, "m2", 2, "m3", 2)), "mood");
        assertEquals(3.0, all.score());
        assertEquals("moderate", all.band());
        // m3 skipped: (4 + 4) / 3 = 2.666...
        DomainScore skipped = domain(score(TEST, answers("m1", 4, "m2", 2)), "mood");
        assertEquals(2.67, skipped.score());
        assertEquals("moderate", skipped.band());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sum, 12.0", "mean, 4.0"})
    void sumAndMeanDifferOnTheSameAnswers(String method, double expected) {
        InstrumentDefinition d = instrument(
                null,
                List.of(),
                List.of(item("x", "d", 1, 5), item("y", "d", 1, 5), item("z", "d", 1, 5)),
                List.of(domain("d", method, 1, 100.0, 200.0)));
        // x + y = 8; sum prorates 8 x 3 / 2 = 12; mean is 8 / 2 = 4
        assertEquals(expected, domain(score(d, answers("x", 5, "y", 3)), "d").score());
    }

    // --- incomplete ----------------------------------------------------------------------------------------------

    @Test
    void fewerAnswersThanMinAnsweredMakeTheDomainIncomplete() {
        Score score = score(TEST, answers("a1", 5, "m1", 1, "m2", 1));
        DomainScore home = domain(score, "home");
        assertFalse(home.complete());
        assertNull(home.score());
        assertNull(home.band());
        assertEquals(1, home.answered());
        assertEquals(4, home.itemCount());
        assertEquals(List.of("a1"), home.drivers(), "a severe answer is still shown to the reviewer");
        assertEquals(List.of(), home.needs());
        DomainScore food = domain(score, "food");
        assertFalse(food.complete());
        assertEquals(0, food.answered());
    }

    @Test
    void exactlyMinAnsweredIsComplete() {
        DomainScore home = domain(score(TEST, answers("a1", 5, "a4", 5)), "home");
        assertTrue(home.complete());
        // 10 x 5 / 2 = 25
        assertEquals(25.0, home.score());
        assertEquals("high", home.band());
    }

    @Test
    void incompleteDomainsNeverCountTowardsFlagTierOrNeeds() {
        InstrumentDefinition strict = instrument(
                TEST.flag(),
                TEST.tiers(),
                TEST.items(),
                List.of(
                        domain("home", "sum", 4, 9.0, 14.0, "family-support"),
                        domain("mood", "mean", 3, 2.0, 3.5, "mental-health"),
                        domain("food", "sum", 2, 2.0, 4.0, "food-security")));
        // every answered item is at its most severe, but each domain is one answer short
        Score score = score(strict, answers("a1", 5, "a2", 1, "a3", 5, "m1", 5, "m2", 5, "f1", 4));
        assertTrue(score.domains().stream().noneMatch(DomainScore::complete));
        assertFalse(score.flagged());
        assertEquals(0, score.suggestedTier());
        assertEquals(List.of(), score.needs());
    }

    @Test
    void anIncompleteDomainDoesNotReachEvenTheLowestBand() {
        InstrumentDefinition d = instrument(
                new FlagRule("low", null),
                List.of(tier(2, null, "low", 3), tier(1, null, "low", 2)),
                TEST.items(),
                TEST.domains());
        // home has 1 of its minimum 2 answers; mood and food are complete and low
        Score score = score(d, answers("a1", 1, "m1", 1, "m2", 1, "f1", 0));
        assertTrue(score.flagged());
        assertEquals(1, score.suggestedTier());
        assertEquals(List.of("mental-health", "food-security", "family-support"), score.needs());
        assertFalse(score(d, answers("a1", 1)).flagged());
    }

    // --- band edges ----------------------------------------------------------------------------------------------

    /**
     * prorated: sum of p1..p3 (1-5); weighted: mean of w1 (weight 996) and w2 (weight 4), 0-20;
     * tenths: sum of t1..t3 (1-5) weighing 0.1 each. Bands low <= 9 (tenths: 0.9), moderate <= 14 (1.4).
     */
    private static final InstrumentDefinition EDGES = instrument(
            null,
            List.of(),
            List.of(
                    item("p1", "prorated", 1, 5),
                    item("p2", "prorated", 1, 5),
                    item("p3", "prorated", 1, 5),
                    weighted(item("w1", "weighted", 0, 20), 996.0),
                    weighted(item("w2", "weighted", 0, 20), 4.0),
                    weighted(item("t1", "tenths", 1, 5), 0.1),
                    weighted(item("t2", "tenths", 1, 5), 0.1),
                    weighted(item("t3", "tenths", 1, 5), 0.1)),
            List.of(
                    domain("prorated", "sum", 1, 9.0, 14.0),
                    domain("weighted", "mean", 2, 9.0, 14.0),
                    domain("tenths", "sum", 1, 0.9, 1.4)));

    static Stream<Arguments> bandEdges() {
        return Stream.of(
                Arguments.of("3+3+3 = 9, exactly upTo", "prorated", answers("p1", 3, "p2", 3, "p3", 3), 9.0, "low"),
                Arguments.of(
                        "(3+3) x 3/2 = 9, exactly upTo via prorating",
                        "prorated",
                        answers("p1", 3, "p2", 3),
                        9.0,
                        "low"),
                Arguments.of("(4+3) x 3/2 = 10.5", "prorated", answers("p1", 4, "p2", 3), 10.5, "moderate"),
                Arguments.of("3+3+4 = 10, one above", "prorated", answers("p1", 3, "p2", 3, "p3", 4), 10.0, "moderate"),
                Arguments.of("5+5+4 = 14, top edge", "prorated", answers("p1", 5, "p2", 5, "p3", 4), 14.0, "moderate"),
                Arguments.of(
                        "5+5+5 = 15, open last band", "prorated", answers("p1", 5, "p2", 5, "p3", 5), 15.0, "high"),
                Arguments.of("(9x996 + 9x4)/1000 = 9", "weighted", answers("w1", 9, "w2", 9), 9.0, "low"),
                Arguments.of(
                        "(8964 + 40)/1000 = 9.004, shown 9.0", "weighted", answers("w1", 9, "w2", 10), 9.0, "moderate"),
                Arguments.of(
                        "(8964 + 48)/1000 = 9.012, a hair above",
                        "weighted",
                        answers("w1", 9, "w2", 12),
                        9.01,
                        "moderate"),
                Arguments.of(
                        "(9960 + 40)/1000 = 10, one above", "weighted", answers("w1", 10, "w2", 10), 10.0, "moderate"),
                Arguments.of("(13944 + 60)/1000 = 14.004", "weighted", answers("w1", 14, "w2", 15), 14.0, "high"),
                Arguments.of(
                        "3 x 0.1 x 3 = 0.9 despite binary rounding",
                        "tenths",
                        answers("t1", 3, "t2", 3, "t3", 3),
                        0.9,
                        "low"),
                Arguments.of("(3+4+3) x 0.1 = 1.0", "tenths", answers("t1", 3, "t2", 4, "t3", 3), 1.0, "moderate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bandEdges")
    void upToIsInclusiveAndDecidedOnTheUnroundedScore(
            String why, String domainKey, Map<String, Integer> answers, double expectedScore, String expectedBand) {
        DomainScore ds = domain(score(EDGES, answers), domainKey);
        assertEquals(expectedScore, ds.score());
        assertEquals(expectedBand, ds.band());
    }

    // --- flag ----------------------------------------------------------------------------------------------------

    static Stream<Arguments> flagCases() {
        return Stream.of(
                // home 2+4+6+1 = 13 moderate, mood low, food low
                Arguments.of("one moderate: neither rule", answers(ALL_LOW, "a1", 2, "a2", 2, "a3", 3), false),
                // food 4+4 = 8 high, the others low
                Arguments.of("one high: anyDomainAtLeast", answers(ALL_LOW, "f1", 4, "f2", 4), true),
                // home 13 moderate, mood (3 + 3x2 + 3)/4 = 3 moderate, food low: no high anywhere
                Arguments.of(
                        "two moderate: domainsAtLeast",
                        answers(ALL_LOW, "a1", 2, "a2", 2, "a3", 3, "m1", 3, "m2", 3, "m3", 3),
                        true),
                Arguments.of("all low", ALL_LOW, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flagCases")
    void flagFiresOnEitherRule(String why, Map<String, Integer> answers, boolean flagged) {
        assertEquals(flagged, score(TEST, answers).flagged());
    }

    @Test
    void eachFlagPartWorksAlone() {
        Map<String, Integer> oneHigh = answers(ALL_LOW, "f1", 4, "f2", 4);
        Map<String, Integer> twoModerate = answers(ALL_LOW, "a1", 2, "a2", 2, "a3", 3, "m1", 3, "m2", 3, "m3", 3);
        InstrumentDefinition anyOnly = withFlag(new FlagRule("high", null));
        InstrumentDefinition countOnly = withFlag(new FlagRule(null, new DomainsAtLeast("moderate", 2)));

        assertTrue(score(anyOnly, oneHigh).flagged());
        assertFalse(score(anyOnly, twoModerate).flagged());
        assertTrue(score(countOnly, twoModerate).flagged());
        assertFalse(score(countOnly, oneHigh).flagged(), "one domain, however high, is fewer than 2");
        assertFalse(score(withFlag(null), oneHigh).flagged(), "no flag rule, never flagged");
    }

    @Test
    void aHigherBandCountsAsReachingALowerOne() {
        // home 5+1+10+5 = 21 high, food 4 moderate: two domains at least moderate
        Score score = score(
                withFlag(new FlagRule(null, new DomainsAtLeast("moderate", 2))),
                answers(ALL_LOW, "a1", 5, "a3", 5, "a4", 5, "f1", 2, "f2", 2));
        assertEquals("high", domain(score, "home").band());
        assertEquals("moderate", domain(score, "food").band());
        assertTrue(score.flagged());
    }

    // --- tiers ---------------------------------------------------------------------------------------------------

    static Stream<Arguments> tierCases() {
        return Stream.of(
                Arguments.of("all low: no rule, default 0", ALL_LOW, 0),
                // home 13 moderate
                Arguments.of("one moderate", answers(ALL_LOW, "a1", 2, "a2", 2, "a3", 3), 1),
                Arguments.of("two moderate", answers(ALL_LOW, "a1", 2, "a2", 2, "a3", 3, "m1", 3, "m2", 3, "m3", 3), 2),
                // food 8 high; tier 1 would also match, but 3 comes first
                Arguments.of("one high", answers(ALL_LOW, "f1", 4, "f2", 4), 3),
                // home 21 high, food 8 high: every rule matches, the first wins
                Arguments.of("two high", answers(ALL_LOW, "a1", 5, "a3", 5, "a4", 5, "f1", 4, "f2", 4), 4));
    }

    @ParameterizedTest(name = "{0} -> tier {2}")
    @MethodSource("tierCases")
    void firstMatchingTierWins(String why, Map<String, Integer> answers, int tier) {
        assertEquals(tier, score(TEST, answers).suggestedTier());
    }

    @Test
    void tierOrderIsTheInstrumentsNotTheHighestTier() {
        InstrumentDefinition lowFirst = instrument(
                TEST.flag(),
                List.of(tier(1, "moderate", null, 0), tier(4, "high", null, 0)),
                TEST.items(),
                TEST.domains());
        assertEquals(1, score(lowFirst, answers(ALL_LOW, "f1", 4, "f2", 4)).suggestedTier());
    }

    // --- drivers -------------------------------------------------------------------------------------------------

    @Test
    void driversAreItemsAboveTheirMidpointStrongestFirst() {
        // a1 = 4: (4-1) x 1 = 3; a2 = 1 reversed to 5: (5-1) x 1 = 4; a3 = 4: (4-1) x 2 = 6; a4 = 3 is the midpoint
        DomainScore home = domain(score(TEST, answers("a1", 4, "a2", 1, "a3", 4, "a4", 3)), "home");
        assertEquals(List.of("a3", "a2", "a1"), home.drivers());
    }

    @Test
    void reversedItemBelowItsMidpointIsNotADriver() {
        // a2 = 5 reversed to 1; f1 = 2 is the midpoint of 0-4; f2 = 3 is above it
        Score score = score(TEST, answers(ALL_LOW, "a2", 5, "f1", 2, "f2", 3));
        assertEquals(List.of(), domain(score, "home").drivers());
        assertEquals(List.of("f2"), domain(score, "food").drivers());
    }

    @Test
    void driversWithEqualStrengthAreOrderedById() {
        InstrumentDefinition d = instrument(
                null,
                List.of(),
                List.of(item("zeta", "d", 1, 5), weighted(item("mid", "d", 1, 5), 0.5), item("alpha", "d", 1, 5)),
                List.of(domain("d", "sum", 1, 100.0, 200.0)));
        // zeta and alpha: (4-1) x 1 = 3; mid: (5-1) x 0.5 = 2
        assertEquals(
                List.of("alpha", "zeta", "mid"),
                domain(score(d, answers("zeta", 4, "mid", 5, "alpha", 4)), "d").drivers());
    }

    // --- needs ---------------------------------------------------------------------------------------------------

    @Test
    void needsAreTheDistinctUnionInDomainOrderOfDomainsAtTheLowestFlagBand() {
        // home 13 moderate, mood low, food 8 high; the flag rule's lowest band is moderate
        Score score = score(TEST, answers(ALL_LOW, "a1", 2, "a2", 2, "a3", 3, "f1", 4, "f2", 4));
        assertEquals(List.of("family-support", "housing", "food-security"), score.needs());
        assertEquals(List.of("family-support", "housing"), domain(score, "home").needs());
        assertEquals(List.of(), domain(score, "mood").needs());
        assertEquals(
                List.of("food-security", "family-support"),
                domain(score, "food").needs());
    }

    @Test
    void needsThresholdFollowsTheFlagRule() {
        Map<String, Integer> homeModerateFoodHigh = answers(ALL_LOW, "a1", 2, "a2", 2, "a3", 3, "f1", 4, "f2", 4);
        assertEquals(
                List.of("food-security", "family-support"),
                score(withFlag(new FlagRule("high", null)), homeModerateFoodHigh)
                        .needs());
        assertEquals(
                List.of("family-support", "housing", "food-security"),
                score(withFlag(new FlagRule("high", new DomainsAtLeast("moderate", 3))), homeModerateFoodHigh)
                        .needs());
        assertEquals(
                List.of("food-security", "family-support"),
                score(withFlag(null), homeModerateFoodHigh).needs(),
                "no flag rule: only the top band");
    }

    @Test
    void noNeedsWhenNothingReachesTheThreshold() {
        assertEquals(List.of(), score(TEST, ALL_LOW).needs());
    }

    // --- answers -------------------------------------------------------------------------------------------------

    @Test
    void unknownItemIsRejected() {
        InvalidAnswersException e =
                assertThrows(InvalidAnswersException.class, () -> score(TEST, answers(ALL_LOW, "zz", 3)));
        assertEquals(List.of(new Violation("answers.zz", "unknown item")), e.violations());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"a1, 0, 1, 5", "a1, 6, 1, 5", "a2, -3, 1, 5", "f1, -1, 0, 4", "f2, 5, 0, 4"})
    void outOfRangeAnswerIsRejected(String id, int value, int min, int max) {
        InvalidAnswersException e =
                assertThrows(InvalidAnswersException.class, () -> score(TEST, answers(ALL_LOW, id, value)));
        assertEquals(List.of(new Violation("answers." + id, "must be between " + min + " and " + max)), e.violations());
    }

    @Test
    void everyBadAnswerIsReportedAtOnce() {
        InvalidAnswersException e = assertThrows(
                InvalidAnswersException.class, () -> score(TEST, answers(ALL_LOW, "a3", 9, "b", 1, "a", 1)));
        assertEquals(
                List.of(
                        new Violation("answers.a3", "must be between 1 and 5"),
                        new Violation("answers.a", "unknown item"),
                        new Violation("answers.b", "unknown item")),
                e.violations());
    }

    @Test
    void boundaryAnswersAreAccepted() {
        Score score = score(TEST, answers(ALL_LOW, "f1", 4, "a1", 5));
        // home: 5 + (1 + 5 - 5) + 1 x 2 + 1 = 9; food: 4 + 0
        assertEquals(9.0, domain(score, "home").score());
        assertEquals(4.0, domain(score, "food").score());
    }

    @Test
    void nullAnswerIsTreatedAsNotAnswered() {
        Map<String, Integer> withNull = new HashMap<>(answers("a1", 4, "a3", 3));
        withNull.put("a2", null);
        DomainScore home = domain(score(TEST, withNull), "home");
        assertEquals(2, home.answered());
        assertEquals(16.67, home.score(), "prorated exactly as if a2 were absent");
    }

    @Test
    void missingAnswerMapIsRejected() {
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class, () -> score(TEST, null));
        assertEquals("answers", e.violations().get(0).field());
    }

    @Test
    void domainsComeBackInInstrumentOrderWithLabels() {
        Score score = score(TEST, ALL_LOW);
        assertEquals(
                List.of("home", "mood", "food"),
                score.domains().stream().map(DomainScore::key).toList());
        assertEquals("home label", score.domains().get(0).label());
    }

    // --- fixtures ------------------------------------------------------------------------------------------------

    private static Score score(InstrumentDefinition d, Map<String, Integer> answers) {
        return ScoringEngine.score(d, answers);
    }

    private static DomainScore domain(Score score, String key) {
        return score.domains().stream()
                .filter(ds -> ds.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    private static InstrumentDefinition instrument(
            FlagRule flag, List<TierRule> tiers, List<Item> items, List<Domain> domains) {
        InstrumentDefinition d = new InstrumentDefinition("test", 1, "Test", items, domains, BANDS, flag, tiers);
        assertEquals(List.of(), InstrumentValidator.validate(d), "fixture must be a valid instrument");
        return d;
    }

    private static InstrumentDefinition withFlag(FlagRule flag) {
        return instrument(flag, TEST.tiers(), TEST.items(), TEST.domains());
    }

    private static Item item(String id, String domain, int min, int max) {
        return new Item(id, id + " text", domain, min, max, null, null);
    }

    private static Item reverse(Item i) {
        return new Item(i.id(), i.text(), i.domain(), i.min(), i.max(), true, i.weight());
    }

    private static Item weighted(Item i, double weight) {
        return new Item(i.id(), i.text(), i.domain(), i.min(), i.max(), i.reverse(), weight);
    }

    private static Domain domain(
            String key, String method, int minAnswered, double lowUpTo, double moderateUpTo, String... needs) {
        return new Domain(
                key,
                key + " label",
                method,
                minAnswered,
                List.of(new Band("low", lowUpTo), new Band("moderate", moderateUpTo), new Band("high", null)),
                Arrays.asList(needs));
    }

    private static TierRule tier(int tier, String any, String band, int count) {
        return new TierRule(tier, new Condition(any, band == null ? null : new DomainsAtLeast(band, count)));
    }

    private static Map<String, Integer> answers(Object... idValue) {
        return answers(Map.of(), idValue);
    }

    private static Map<String, Integer> answers(Map<String, Integer> base, Object... idValue) {
        Map<String, Integer> out = new LinkedHashMap<>(base);
        for (int i = 0; i < idValue.length; i += 2) {
            out.put((String) idValue[i], (Integer) idValue[i + 1]);
        }
        return out;
    }
}
