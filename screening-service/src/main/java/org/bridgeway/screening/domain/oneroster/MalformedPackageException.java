package org.bridgeway.screening.domain.oneroster;

import java.io.IOException;
import java.util.List;
import org.bridgeway.platform.problem.Problem.FieldError;

/**
 * The package cannot be imported at all (not a zip, a folder or a '..' in an entry name, a file missing or
 * not announced, a header without a required column, an unreadable CSV, over a bound): nothing is stored,
 * and the client reads each field error.
 */
public class MalformedPackageException extends IOException {

    private final List<FieldError> errors;
    private final boolean tooLarge;

    public MalformedPackageException(String field, String message) {
        this(List.of(new FieldError(field, message)), false);
    }

    MalformedPackageException(List<FieldError> errors, boolean tooLarge) {
        super(errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
        this.tooLarge = tooLarge;
    }

    /** The package is over a size or entry-count bound: the client must split it, not fix a row. */
    static MalformedPackageException tooLarge(String field, String message) {
        return new MalformedPackageException(List.of(new FieldError(field, message)), true);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
