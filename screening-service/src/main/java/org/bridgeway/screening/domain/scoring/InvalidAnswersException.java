package org.bridgeway.screening.domain.scoring;

import java.util.List;
import java.util.stream.Collectors;

/** The answers do not fit the instrument; every problem is listed, not just the first. */
public class InvalidAnswersException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<Violation> violations;

    public InvalidAnswersException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
