package org.bridgeway.partner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.partner.domain.ServiceModel.CapacityCommand;
import org.bridgeway.partner.domain.ServiceModel.ServiceCommand;
import org.bridgeway.platform.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

class ServiceRulesTest {

    private static final Set<String> NEEDS = Set.of("housing", "mental-health");

    private static ServiceCommand command(
            List<String> needs,
            Integer minAge,
            Integer maxAge,
            Integer minGrade,
            Integer maxGrade,
            List<String> languages,
            CapacityCommand capacity) {
        return new ServiceCommand(
                UUID.randomUUID(),
                "s",
                null,
                needs,
                minAge,
                maxAge,
                minGrade,
                maxGrade,
                null,
                languages,
                List.of(),
                "active",
                null,
                null,
                capacity);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aConsistentServicePasses() {
        assertEquals(
                List.of(),
                ServiceRules.check(
                        command(
                                List.of("housing"),
                                12,
                                12,
                                7,
                                12,
                                List.of("en", "pa"),
                                new CapacityCommand(3, 3, "none")),
                        NEEDS));
        assertEquals(List.of(), ServiceRules.check(command(List.of("housing"), null, 18, 7, null, null, null), NEEDS));
    }

    @Test
    void crossFieldMistakesAreNamed() {
        assertEquals(
                List.of("maxAge", "maxGrade", "needs[1]", "languages[0]", "capacity.available"),
                fields(ServiceRules.check(
                        command(
                                List.of("housing", "astrology"),
                                14,
                                13,
                                9,
                                8,
                                List.of("eng"),
                                new CapacityCommand(4, 3, "none")),
                        NEEDS)));
    }
}
