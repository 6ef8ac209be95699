package org.bridgeway.screening.store;

import java.util.Set;

/**
 * Which rows of a board a listing may show: optionally one school, and, for a caller who does not see the
 * whole board, only the schools in {@code within} ({@code null}: every school of the board).
 */
public record SchoolFilter(String boardId, String schoolId, Set<String> within) {

    /** The HQL condition on an entity with {@code boardId} and {@code schoolId}, and its parameters. */
    String where(java.util.Map<String, Object> params) {
        StringBuilder query = new StringBuilder("boardId = :board");
        params.put("board", boardId);
        if (schoolId != null) {
            query.append(" and schoolId = :school");
            params.put("school", schoolId);
        }
        if (within != null) {
            query.append(" and schoolId in :scope");
            // an empty IN list is not valid HQL; no school matches the empty string
            params.put("scope", within.isEmpty() ? Set.of("") : within);
        }
        return query.toString();
    }
}
