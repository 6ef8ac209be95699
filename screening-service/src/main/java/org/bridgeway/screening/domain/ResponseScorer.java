package org.bridgeway.screening.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.bridgeway.platform.validation.PlausibleDates;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition;
import org.bridgeway.screening.domain.scoring.InvalidAnswersException;
import org.bridgeway.screening.domain.scoring.ScoringEngine;
import org.bridgeway.screening.domain.scoring.Violation;
import org.bridgeway.screening.store.StudentFacts;

/**
 * Turns one response into a scored screening or into the reasons it cannot be one. The same checks
 * run for a single submit and for every row of a batch, so both answer alike.
 */
@ApplicationScoped
public class ResponseScorer {

    private final IdentityVault vault;
    private final InstrumentCatalog instruments;

    ResponseScorer(IdentityVault vault, InstrumentCatalog instruments) {
        this.vault = vault;
        this.instruments = instruments;
    }

    public sealed interface Outcome permits Scored, Rejected {}

    public record Scored(ScoredScreening screening) implements Outcome {}

    public record Rejected(List<Violation> violations) implements Outcome {}

    /** The studentRef a response names, directly or through its SIS id; null when it names neither. */
    public String studentRefOf(String boardId, SurveyResponse input) {
        if (input.studentRef() != null && !input.studentRef().isBlank()) {
            return input.studentRef();
        }
        if (input.sisStudentId() != null && !input.sisStudentId().isBlank()) {
            return vault.studentRef(boardId, input.sisStudentId());
        }
        return null;
    }

    public Outcome score(String boardId, SurveyResponse input, Function<String, StudentFacts> students) {
        List<Violation> errors = new ArrayList<>();
        if (blank(input.instrument())) {
            errors.add(new Violation("instrument", "is required"));
        }
        if (input.version() == null) {
            errors.add(new Violation("version", "is required"));
        }
        if (blank(input.schoolId())) {
            errors.add(new Violation("schoolId", "is required"));
        }
        if (input.administeredOn() == null) {
            errors.add(new Violation("administeredOn", "is required (yyyy-mm-dd)"));
        } else if (!PlausibleDates.isRecordDate(input.administeredOn())) {
            errors.add(new Violation("administeredOn", "must be between 2000-01-01 and today"));
        }
        if (input.answers() == null) {
            errors.add(new Violation("answers", "is required"));
        }
        String studentRef = studentRefOf(boardId, input);
        StudentFacts student = null;
        if (studentRef == null) {
            errors.add(new Violation("studentRef", "studentRef or sisStudentId is required"));
        } else {
            student = students.apply(studentRef);
            String field = blank(input.studentRef()) ? "sisStudentId" : "studentRef";
            if (student == null || !student.boardId().equals(boardId)) {
                errors.add(new Violation(field, "unknown student: push the roster first"));
                student = null;
            } else if (student.deactivated()) {
                errors.add(new Violation(
                        field, "the student is deactivated on the roster; a roster push naming them reactivates them"));
                student = null;
            } else if (!blank(input.schoolId()) && !student.schoolId().equals(input.schoolId())) {
                errors.add(new Violation("schoolId", "the student is on the roster of school " + student.schoolId()));
            }
        }
        Optional<InstrumentDefinition> instrument = Optional.empty();
        if (!blank(input.instrument()) && input.version() != null) {
            instrument = instruments.find(input.instrument(), input.version());
            if (instrument.isEmpty()) {
                errors.add(new Violation(
                        "version", "unknown instrument version " + input.instrument() + " v" + input.version()));
            }
        }
        if (instrument.isPresent() && input.answers() != null) {
            try {
                var score = ScoringEngine.score(instrument.get(), input.answers());
                if (errors.isEmpty()) {
                    return new Scored(new ScoredScreening(
                            UUID.randomUUID(),
                            student.studentRef(),
                            boardId,
                            student.schoolId(),
                            student.grade(),
                            age(student.birthMonth(), input.administeredOn()),
                            input.instrument(),
                            input.version(),
                            input.administeredOn(),
                            input.answers(),
                            score));
                }
            } catch (InvalidAnswersException e) {
                errors.addAll(e.violations());
            }
        }
        return new Rejected(errors);
    }

    private static Integer age(LocalDate birthMonth, LocalDate on) {
        return birthMonth == null ? null : Period.between(birthMonth, on).getYears();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
