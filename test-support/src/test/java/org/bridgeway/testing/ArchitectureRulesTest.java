package org.bridgeway.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules pass on a service laid out one way, and each one bites on the arrow back up it forbids. */
class ArchitectureRulesTest {

    private static final String GOOD = "org.bridgeway.archfixture.good";
    private static final String BAD = "org.bridgeway.archfixture.bad";

    @Test
    void aServiceLaidOutOneWayPasses() {
        JavaClasses classes = new ClassFileImporter().importPackages(GOOD);

        EvaluationResult result = ArchitectureRules.evaluate(classes, GOOD);

        assertFalse(
                result.hasViolation(),
                () -> String.join("\n", result.getFailureReport().getDetails()));
    }

    @Test
    void everyRuleCatchesTheArrowItForbids() {
        JavaClasses classes = new ClassFileImporter().importPackages(BAD, "org.bridgeway.archfixture.other");
        List<ArchRule> rules = ArchitectureRules.rules(BAD);
        List<String> offenders = List.of(
                "ReachesUpToTheApi",
                "ReturnsAnApiDto",
                "CallsAUseCase",
                "ConsumerCallsTheApi",
                "QueriesFromTheResource",
                "ImportsAnotherService");

        for (int i = 0; i < rules.size(); i++) {
            EvaluationResult result = rules.get(i).evaluate(classes);
            String report = String.join("\n", result.getFailureReport().getDetails());
            String offender = offenders.get(i);
            assertTrue(
                    result.hasViolation() && report.contains(offender),
                    () -> "rule '" + result.getFailureReport() + "' should have caught " + offender);
        }
    }

    @Test
    void checkFailsWithEveryViolationListed() {
        JavaClasses classes = new ClassFileImporter().importPackages(BAD, "org.bridgeway.archfixture.other");

        EvaluationResult result = ArchitectureRules.evaluate(classes, BAD);

        String report = String.join("\n", result.getFailureReport().getDetails());
        for (String offender : List.of(
                "ReachesUpToTheApi",
                "ReturnsAnApiDto",
                "CallsAUseCase",
                "ConsumerCallsTheApi",
                "QueriesFromTheResource",
                "ImportsAnotherService")) {
            assertTrue(report.contains(offender), () -> offender + " missing from:\n" + report);
        }
    }

    @Test
    void theDatabaseOfATestIsTheOneTheServiceNames() {
        assertTrue(InfraTestResource.databaseName("jdbc:postgresql://localhost:15432/screening")
                .orElseThrow()
                .equals("screening"));
        assertTrue(InfraTestResource.databaseName("jdbc:postgresql://db:5432/referral?options=x")
                .orElseThrow()
                .equals("referral"));
        assertTrue(InfraTestResource.databaseName(null).isEmpty());
        assertTrue(InfraTestResource.databaseName("jdbc:postgresql://db:5432").isEmpty());
    }
}
