package org.bridgeway.partner.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bridgeway.partner.domain.ServiceModel.CapacityCommand;
import org.bridgeway.partner.domain.ServiceModel.ServiceCommand;
import org.bridgeway.platform.problem.Problem.FieldError;

/** Checks across fields of a service that single-field validation cannot make. Pure: no database, no framework. */
public final class ServiceRules {

    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private ServiceRules() {}

    /** @param knownNeeds the need codes of the vocabulary */
    public static List<FieldError> check(ServiceCommand command, Collection<String> knownNeeds) {
        List<FieldError> errors = new ArrayList<>();
        bounds(errors, "maxAge", command.minAge(), command.maxAge(), "minAge");
        bounds(errors, "maxGrade", command.minGrade(), command.maxGrade(), "minGrade");
        for (int i = 0; i < command.needs().size(); i++) {
            if (!knownNeeds.contains(command.needs().get(i))) {
                errors.add(new FieldError("needs[" + i + "]", "unknown need code; see GET /api/v1/partners/needs"));
            }
        }
        List<String> languages = command.languages() == null ? List.of() : command.languages();
        for (int i = 0; i < languages.size(); i++) {
            if (!ISO_639_1.contains(languages.get(i))) {
                errors.add(new FieldError("languages[" + i + "]", "must be an ISO 639-1 code such as en or fr"));
            }
        }
        if (command.capacity() != null) {
            errors.addAll(check(command.capacity(), "capacity."));
        }
        return errors;
    }

    public static List<FieldError> check(CapacityCommand capacity, String prefix) {
        if (capacity.available() > capacity.maximum()) {
            return List.of(new FieldError(prefix + "available", "must not exceed maximum"));
        }
        return List.of();
    }

    private static void bounds(List<FieldError> errors, String field, Integer min, Integer max, String minField) {
        if (min != null && max != null && min > max) {
            errors.add(new FieldError(field, "must not be below " + minField));
        }
    }
}
