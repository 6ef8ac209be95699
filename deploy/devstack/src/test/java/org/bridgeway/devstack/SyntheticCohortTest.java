package org.bridgeway.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticCohortTest {

    private static final JsonNode INSTRUMENT = read("""
            {"key":"t","version":1,
             "items":[{"id":"a","domain":"home","min":1,"max":5},{"id":"b","domain":"home","min":1,"max":5,"reverse":true},
                      {"id":"c","domain":"food","min":0,"max":3}],
             "domains":[{"key":"home"},{"key":"food"}]}""");

    @Test
    void theSameSeedGivesTheSameCohortAndAnswers() {
        SyntheticCohort one =
                SyntheticCohort.generate(11, "X", List.of("s1", "s2"), 400, SyntheticCohort.Mix.REALISTIC);
        SyntheticCohort two =
                SyntheticCohort.generate(11, "X", List.of("s1", "s2"), 400, SyntheticCohort.Mix.REALISTIC);
        assertEquals(one.students(), two.students());
        assertEquals(one.roster(), two.roster());
        assertEquals(
                one.responsesCsv(INSTRUMENT, one.students(), java.time.LocalDate.of(2026, 10, 5)),
                two.responsesCsv(INSTRUMENT, two.students(), java.time.LocalDate.of(2026, 10, 5)));
        assertNotEquals(
                one.students(),
                SyntheticCohort.generate(12, "X", List.of("s1", "s2"), 400, SyntheticCohort.Mix.REALISTIC)
                        .students());
    }

    @Test
    void theMixIsRealisticAndAnswersStayInRangeAtTheRightEnd() {
        SyntheticCohort cohort =
                SyntheticCohort.generate(5, "X", List.of("s1", "s2", "s3"), 1000, SyntheticCohort.Mix.REALISTIC);
        long high = cohort.count(s -> s.risk() == SyntheticCohort.Risk.HIGH);
        long moderate = cohort.count(s -> s.risk() == SyntheticCohort.Risk.MODERATE);
        assertTrue(high >= 30 && high <= 100, "high " + high);
        assertTrue(moderate >= 180 && moderate <= 320, "moderate " + moderate);
        assertTrue(cohort.count(s -> s.consent() == SyntheticCohort.Consent.REFUSED) > 0);
        assertTrue(cohort.count(s -> s.consent() == SyntheticCohort.Consent.UNKNOWN) > 0);
        assertTrue(cohort.students().stream().allMatch(s -> s.grade() >= 7 && s.grade() <= 12));
        for (SyntheticCohort.Student student : cohort.students()) {
            var answers = cohort.answers(INSTRUMENT, student);
            assertTrue(
                    answers.get("a") >= 1 && answers.get("a") <= 5 && answers.get("c") >= 0 && answers.get("c") <= 3);
            if (student.risk() == SyntheticCohort.Risk.LOW) {
                assertEquals(
                        List.of(1, 5, 0),
                        List.copyOf(answers.values()),
                        "a low-risk student answers at the benign end");
            }
        }
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
