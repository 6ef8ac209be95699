package org.bridgeway.platform.paging;

import java.util.ArrayList;
import java.util.List;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.problem.Problem;

/**
 * {@code page} counts from 0 up to {@value #MAX_PAGE}; {@code size} is 1 to {@value Page#MAX_SIZE}, 20 by
 * default. The bound keeps {@code page * size} far inside an int for every store that computes it
 * ({@code page=2147483647} used to overflow into a negative OFFSET and a 500).
 */
public record PageRequest(int page, int size) {

    public static final int MAX_PAGE = 1_000_000;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        List<Problem.FieldError> errors = new ArrayList<>();
        if (p < 0 || p > MAX_PAGE) {
            errors.add(new Problem.FieldError("page", "must be between 0 and " + MAX_PAGE));
        }
        if (s < 1 || s > Page.MAX_SIZE) {
            errors.add(new Problem.FieldError("size", "must be between 1 and " + Page.MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Invalid paging parameters.", errors);
        }
        return new PageRequest(p, s);
    }

    /** Computed in long; the bounds on page and size keep it within an int (at most 200,000,000). */
    public int offset() {
        return Math.toIntExact((long) page * size);
    }
}
