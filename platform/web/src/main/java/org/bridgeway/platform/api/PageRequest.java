package org.bridgeway.platform.api;

import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.problem.Problem;

import java.util.ArrayList;
import java.util.List;

/** {@code page} counts from 0; {@code size} is 1 to {@value Page#MAX_SIZE}, 20 by default. */
public record PageRequest(int page, int size) {

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        List<Problem.FieldError> errors = new ArrayList<>();
        if (p < 0) {
            errors.add(new Problem.FieldError("page", "must be 0 or more"));
        }
        if (s < 1 || s > Page.MAX_SIZE) {
            errors.add(new Problem.FieldError("size", "must be between 1 and " + Page.MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Invalid paging parameters.", errors);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
