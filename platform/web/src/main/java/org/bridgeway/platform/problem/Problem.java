package org.bridgeway.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details. {@code errors} lists field-level failures so a caller can point at the
 * exact input that was wrong.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** At most this many field errors are listed; a body with a million bad rows gets a sample. */
    static final int MAX_ERRORS = 100;

    public Problem {
        detail = Truncation.cut(detail, Truncation.MAX_DETAIL);
        instance = Truncation.cut(instance, Truncation.MAX_FIELD);
        errors = errors == null || errors.size() <= MAX_ERRORS ? errors : List.copyOf(errors.subList(0, MAX_ERRORS));
    }

    public record FieldError(String field, String message) {
        public FieldError {
            field = Truncation.cut(field, Truncation.MAX_FIELD);
            message = Truncation.cut(message, Truncation.MAX_DETAIL);
        }
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
