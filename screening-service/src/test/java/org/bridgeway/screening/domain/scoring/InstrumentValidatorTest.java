package org.bridgeway.screening.domain.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstrumentValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String VALID = """
            {"key": "test", "version": 1, "title": "Test",
             "items": [{"id": "h1", "text": "h1 text", "domain": "home", "min": 1, "max": 5},
                       {"id": "h2", "text": "h2 text", "domain": "home", "min": 1, "max": 5, "reverse": true, "weight": 2},
                       {"id": "h3", "text": "h3 text", "domain": "home", "min": 1, "max": 5},
                       {"id": "s1", "text": "s1 text", "domain": "school", "min": 0, "max": 4},
                       {"id": "s2", "text": "s2 text", "domain": "school", "min": 0, "max": 4}],
             "domains": [{"key": "home", "label": "Home", "method": "sum", "minAnswered": 2,
                          "bands": [{"band": "low", "upTo": 6}, {"band": "moderate", "upTo": 10}, {"band": "high"}],
                          "needs": ["family-support"]},
                         {"key": "school", "label": "School", "method": "mean", "minAnswered": 1,
                          "bands": [{"band": "low", "upTo": 2}, {"band": "moderate", "upTo": 3}, {"band": "high"}],
                          "needs": ["school-engagement"]}],
             "bandOrder": ["low", "moderate", "high"],
             "flag": {"anyDomainAtLeast": "high", "domainsAtLeast": {"band": "moderate", "count": 2}},
             "tiers": [{"tier": 3, "when": {"anyDomainAtLeast": "high"}},
                       {"tier": 2, "when": {"domainsAtLeast": {"band": "moderate", "count": 1}}}]}
            """;

    private static final String DEFAULT_INSTRUMENT = "/instruments/needs-survey-v1.json";

    /**
     * Each row changes the valid instrument at one or more JSON pointers (null stands for an absent field) and
     * lists every violation field expected; the message is checked for the first of them.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"/key": ""}                                 | key                            | must not be blank
            {"/key": null}                               | key                            | must not be blank
            {"/key": "Needs Survey"}                     | key                            | only lowercase letters, digits and hyphens
            {"/key": "needs_survey"}                     | key                            | only lowercase letters, digits and hyphens
            {"/version": 0}                              | version                        | must be at least 1
            {"/version": null}                           | version                        | is required
            {"/title": "  "}                             | title                          | must not be blank
            {"/items": []}                               | items domains[0] domains[1]    | must not be empty
            {"/items": null}                             | items domains[0] domains[1]    | must not be empty
            {"/items/0": null}                           | items[0]                       | must not be null
            {"/items/1/id": "h1"}                        | items[1].id                    | duplicate item id 'h1'
            {"/items/0/id": " "}                         | items[0].id                    | must not be blank
            {"/items/0/text": ""}                        | items[0].text                  | must not be blank
            {"/items/2/domain": "nowhere"}               | items[2].domain                | unknown domain 'nowhere'
            {"/items/2/domain": null}                    | items[2].domain                | must not be blank
            {"/items/0/min": 5}                          | items[0].max                   | must be greater than min (5)
            {"/items/3/min": 4, "/items/3/max": 0}       | items[3].max                   | must be greater than min (4)
            {"/items/0/min": null}                       | items[0].min                   | is required
            {"/items/0/max": null}                       | items[0].max                   | is required
            {"/items/1/weight": 0}                       | items[1].weight                | greater than 0
            {"/items/1/weight": -1.5}                    | items[1].weight                | greater than 0
            {"/domains": []}                             | domains items[0].domain items[1].domain items[2].domain items[3].domain items[4].domain | must not be empty
            {"/domains": null}                           | domains items[0].domain items[1].domain items[2].domain items[3].domain items[4].domain | must not be empty
            {"/domains/1": null}                         | domains[1] items[3].domain items[4].domain | must not be null
            {"/domains/1/key": "home"}                   | domains[1].key items[3].domain items[4].domain | duplicate domain key 'home'
            {"/domains/0/key": ""}                       | domains[0].key items[0].domain items[1].domain items[2].domain | must not be blank
            {"/domains/0/label": ""}                     | domains[0].label               | must not be blank
            {"/domains/0/method": "median"}              | domains[0].method              | must be 'sum' or 'mean'
            {"/domains/0/method": null}                  | domains[0].method              | must be 'sum' or 'mean'
            {"/domains/0/minAnswered": 0}                | domains[0].minAnswered         | must be at least 1
            {"/domains/0/minAnswered": 4}                | domains[0].minAnswered         | must not exceed the domain's number of items (3)
            {"/items/3/domain": "home", "/items/4/domain": "home"} | domains[1]           | has no items
            {"/domains/0/bands": []}                     | domains[0].bands               | must not be empty
            {"/domains/0/bands": null}                   | domains[0].bands               | must not be empty
            {"/domains/0/bands/1": null}                 | domains[0].bands[1]            | must not be null
            {"/domains/0/bands/1/upTo": 6}               | domains[0].bands[1].upTo       | must be greater than the previous band's upTo (6.0)
            {"/domains/0/bands/1/upTo": 4}               | domains[0].bands[1].upTo       | must be greater than the previous band's upTo (6.0)
            {"/domains/0/bands/0/upTo": null}            | domains[0].bands[0].upTo       | is required on every band but the last
            {"/domains/0/bands/2/upTo": 20}              | domains[0].bands[2].upTo       | must be absent on the last band
            {"/domains/0/bands/1/band": "medium"}        | domains[0].bands[1].band       | 'medium' is not in bandOrder
            {"/domains/0/bands/1/band": ""}              | domains[0].bands[1].band       | must not be blank
            {"/domains/0/bands/0/band": "moderate", "/domains/0/bands/1/band": "low"} | domains[0].bands[1].band | 'low' must come after 'moderate'
            {"/domains/1/bands/1/band": "low"}           | domains[1].bands[1].band       | 'low' must come after 'low'
            {"/domains/0/needs": null}                   | domains[0].needs               | is required
            {"/domains/0/needs/0": " "}                  | domains[0].needs[0]            | must not be blank
            {"/bandOrder/3": "low"}                      | bandOrder[3]                   | duplicate band 'low'
            {"/bandOrder/1": ""}                         | bandOrder[1] domains[0].bands[1].band domains[1].bands[1].band flag.domainsAtLeast.band tiers[1].when.domainsAtLeast.band | must not be blank
            {"/bandOrder": null}                         | bandOrder domains[0].bands[0].band domains[0].bands[1].band domains[0].bands[2].band domains[1].bands[0].band domains[1].bands[1].band domains[1].bands[2].band flag.anyDomainAtLeast flag.domainsAtLeast.band tiers[0].when.anyDomainAtLeast tiers[1].when.domainsAtLeast.band | must not be empty
            {"/flag/anyDomainAtLeast": "severe"}         | flag.anyDomainAtLeast          | unknown band 'severe'
            {"/flag/domainsAtLeast/band": "severe"}      | flag.domainsAtLeast.band       | unknown band 'severe'
            {"/flag/domainsAtLeast/band": null}          | flag.domainsAtLeast.band       | is required
            {"/flag/domainsAtLeast/count": 0}            | flag.domainsAtLeast.count      | must be at least 1
            {"/flag/domainsAtLeast/count": null}         | flag.domainsAtLeast.count      | must be at least 1
            {"/flag/domainsAtLeast/count": 3}            | flag.domainsAtLeast.count      | must not exceed the number of domains (2)
            {"/flag": {}}                                | flag                           | must have anyDomainAtLeast or domainsAtLeast
            {"/tiers/0/tier": 5}                         | tiers[0].tier                  | must be between 0 and 4
            {"/tiers/0/tier": -1}                        | tiers[0].tier                  | must be between 0 and 4
            {"/tiers/0/tier": null}                      | tiers[0].tier                  | must be between 0 and 4
            {"/tiers/0/when": null}                      | tiers[0].when                  | is required
            {"/tiers/0/when": {}}                        | tiers[0].when                  | must have anyDomainAtLeast or domainsAtLeast
            {"/tiers/0/when/anyDomainAtLeast": "severe"} | tiers[0].when.anyDomainAtLeast | unknown band 'severe'
            {"/tiers/1/when/domainsAtLeast/band": "x"}   | tiers[1].when.domainsAtLeast.band | unknown band 'x'
            {"/tiers/1/when/domainsAtLeast/count": 0}    | tiers[1].when.domainsAtLeast.count | must be at least 1
            {"/tiers/1": null}                           | tiers[1]                       | must not be null
            {"/tiers": null}                             | tiers                          | is required
            """)
    void reportsEachProblemAtItsFieldPath(String mutations, String expectedFields, String message) throws IOException {
        List<Violation> violations = InstrumentValidator.validate(mutate(mutations));

        List<String> expected =
                Arrays.stream(expectedFields.trim().split("\\s+")).sorted().toList();
        assertEquals(
                expected, violations.stream().map(Violation::field).sorted().toList(), violations::toString);
        String first = expectedFields.trim().split("\\s+")[0];
        Violation v = violations.stream()
                .filter(x -> x.field().equals(first))
                .findFirst()
                .orElseThrow();
        assertTrue(v.message().contains(message), () -> "'" + v.message() + "' should contain '" + message + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{}",
                "{\"/flag\": null}",
                "{\"/flag/domainsAtLeast\": null}",
                "{\"/flag/anyDomainAtLeast\": null}",
                "{\"/tiers\": []}",
                "{\"/tiers/0/tier\": 0}",
                "{\"/tiers/0/tier\": 4}",
                "{\"/domains/0/minAnswered\": 3}",
                "{\"/domains/0/minAnswered\": null}",
                "{\"/domains/0/needs\": []}",
                "{\"/domains/1/bands\": [{\"band\": \"high\"}]}",
                "{\"/domains/1/bands\": [{\"band\": \"low\", \"upTo\": 2}, {\"band\": \"high\"}]}",
                "{\"/domains/0/bands/0/upTo\": -3.5}",
                "{\"/items/0/weight\": 0.5}",
                "{\"/items/0/reverse\": false}",
                "{\"/key\": \"needs-survey-2\"}"
            })
    void acceptsValidVariants(String mutations) throws IOException {
        assertEquals(List.of(), InstrumentValidator.validate(mutate(mutations)));
    }

    @Test
    void nullDefinitionIsAViolationNotAnException() {
        assertEquals(List.of(new Violation("", "instrument is required")), InstrumentValidator.validate(null));
    }

    @Test
    void emptyDefinitionReportsEveryRequiredPart() {
        List<Violation> violations =
                InstrumentValidator.validate(new InstrumentDefinition(null, null, null, null, null, null, null, null));
        assertEquals(
                List.of("bandOrder", "domains", "items", "key", "tiers", "title", "version"),
                violations.stream().map(Violation::field).sorted().toList());
    }

    @Test
    void unknownFieldsAreRejectedByAPlainObjectMapper() {
        assertThrows(IOException.class, () -> mutate("{\"/items/0/reversed\": true}"));
    }

    // --- the default instrument ----------------------------------------------------------------------------------

    @Test
    void defaultInstrumentIsValid() throws IOException {
        InstrumentDefinition d = defaultInstrument();
        assertEquals(List.of(), InstrumentValidator.validate(d));
        assertEquals("needs-survey", d.key());
        assertEquals(1, d.version());
        assertEquals(
                List.of("home", "housing", "distress", "school", "food", "resilience"),
                d.domains().stream().map(InstrumentDefinition.Domain::key).toList());
        for (InstrumentDefinition.Domain domain : d.domains()) {
            int items = d.itemsOf(domain.key()).size();
            assertTrue(items >= 4 && items <= 6, domain.key() + " has " + items + " items");
            assertFalse(domain.needs().isEmpty(), domain.key());
        }
        assertTrue(d.itemsOf("resilience").stream().allMatch(Item::isReverse), "resilience is a protective domain");
    }

    @Test
    void defaultInstrumentSurvivesAJsonRoundTrip() throws IOException {
        JsonNode original;
        try (InputStream in = InstrumentValidatorTest.class.getResourceAsStream(DEFAULT_INSTRUMENT)) {
            original = JSON.readTree(in);
        }
        JsonNode written = JSON.valueToTree(JSON.treeToValue(original, InstrumentDefinition.class));
        assertTrue(
                original.equals(
                        (a, b) -> a.isNumber() && b.isNumber()
                                ? Double.compare(a.doubleValue(), b.doubleValue())
                                : a.equals(b) ? 0 : 1,
                        written),
                written::toString);
    }

    @Test
    void defaultInstrumentLowestRiskAnswersAreNotFlagged() throws IOException {
        InstrumentDefinition d = defaultInstrument();
        Score score = ScoringEngine.score(d, lowestRisk(d));
        assertTrue(score.domains().stream().allMatch(ds -> ds.complete() && "low".equals(ds.band())), score::toString);
        assertFalse(score.flagged());
        assertEquals(0, score.suggestedTier());
        assertEquals(List.of(), score.needs());
    }

    @Test
    void defaultInstrumentSevereHousingIsFlaggedWithTheHousingNeed() throws IOException {
        InstrumentDefinition d = defaultInstrument();
        Map<String, Integer> answers = lowestRisk(d);
        answers.putAll(Map.of("housing1", 5, "housing2", 5, "housing3", 5, "housing4", 5, "housing5", 1));
        Score score = ScoringEngine.score(d, answers);

        DomainScore housing = score.domains().get(1);
        // 5 + 5x2 + 5 + 5x2 + (1 + 5 - 1) = 35, the maximum
        assertEquals(35.0, housing.score());
        assertEquals("high", housing.band());
        assertEquals(List.of("housing2", "housing4", "housing1", "housing3", "housing5"), housing.drivers());
        assertTrue(score.flagged());
        assertEquals(3, score.suggestedTier());
        assertEquals(List.of("housing"), score.needs());
    }

    /** The cut-offs documented in docs/instruments.md: one answer on a crucial housing item can move the band. */
    @ParameterizedTest(name = "housing2={0} -> {1} {2}")
    @CsvSource({"2, 9.0, moderate", "3, 11.0, moderate", "4, 13.0, high"})
    void defaultInstrumentOneCrucialHousingAnswer(int housing2, double expectedScore, String band) throws IOException {
        InstrumentDefinition d = defaultInstrument();
        Map<String, Integer> answers = lowestRisk(d);
        answers.put("housing2", housing2);
        // floor 7, plus (housing2 - 1) x 2
        DomainScore housing = ScoringEngine.score(d, answers).domains().get(1);
        assertEquals(expectedScore, housing.score());
        assertEquals(band, housing.band());
    }

    @Test
    void defaultInstrumentThreeModerateDomainsAreFlagged() throws IOException {
        InstrumentDefinition d = defaultInstrument();
        Map<String, Integer> answers = lowestRisk(d);
        // home 5 + 3 + 1 = 9; school 5 + 2 + 2 + 2 = 11; food 4 + 2 = 6: each just into moderate
        answers.putAll(Map.of("home1", 4, "home4", 2, "school1", 3, "school3", 3, "school4", 3, "food1", 3));
        Score score = ScoringEngine.score(d, answers);
        assertEquals(
                List.of("moderate", "low", "low", "moderate", "moderate", "low"),
                score.domains().stream().map(DomainScore::band).toList());
        assertTrue(score.flagged());
        assertEquals(2, score.suggestedTier());
        assertEquals(List.of("family-support", "school-engagement", "food-security"), score.needs());
    }

    @Test
    void defaultInstrumentHighestRiskAnswersReachTheTopTier() throws IOException {
        InstrumentDefinition d = defaultInstrument();
        Map<String, Integer> answers = new HashMap<>();
        d.items().forEach(i -> answers.put(i.id(), i.isReverse() ? i.min() : i.max()));
        Score score = ScoringEngine.score(d, answers);
        assertTrue(score.domains().stream().allMatch(ds -> "high".equals(ds.band())), score::toString);
        assertEquals(4, score.suggestedTier());
        assertEquals(
                List.of(
                        "family-support",
                        "housing",
                        "mental-health",
                        "school-engagement",
                        "food-security",
                        "mentoring"),
                score.needs());
    }

    // --- fixtures ------------------------------------------------------------------------------------------------

    private static InstrumentDefinition defaultInstrument() throws IOException {
        try (InputStream in = InstrumentValidatorTest.class.getResourceAsStream(DEFAULT_INSTRUMENT)) {
            assertNotNull(in, DEFAULT_INSTRUMENT + " on the classpath");
            return JSON.readValue(in, InstrumentDefinition.class);
        }
    }

    private static Map<String, Integer> lowestRisk(InstrumentDefinition d) {
        Map<String, Integer> answers = new HashMap<>();
        d.items().forEach(i -> answers.put(i.id(), i.isReverse() ? i.max() : i.min()));
        return answers;
    }

    /** Applies {@code {"json pointer": value, ...}} to the valid instrument; an index one past the end appends. */
    private static InstrumentDefinition mutate(String mutations) throws IOException {
        JsonNode root = JSON.readTree(VALID);
        for (Map.Entry<String, JsonNode> change : JSON.readTree(mutations).properties()) {
            JsonPointer pointer = JsonPointer.compile(change.getKey());
            JsonNode parent = root.at(pointer.head());
            String last = pointer.last().getMatchingProperty();
            if (parent instanceof ArrayNode array) {
                int index = Integer.parseInt(last);
                if (index == array.size()) {
                    array.add(change.getValue());
                } else {
                    array.set(index, change.getValue());
                }
            } else {
                ((ObjectNode) parent).set(last, change.getValue());
            }
        }
        return JSON.treeToValue(root, InstrumentDefinition.class);
    }
}
