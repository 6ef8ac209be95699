package org.bridgeway.screening.domain.oneroster;

import java.util.Map;

/** One data row of a package file: where it is, and its cells by column name (blank cells are empty strings). */
public record CsvRow(String file, int line, Map<String, String> cells) {

    /** The trimmed cell, or an empty string when the column is absent or blank. */
    public String get(String column) {
        String value = cells.get(column);
        return value == null ? "" : value.trim();
    }

    public RosterRowError error(String field, String message) {
        return new RosterRowError(file, line, field, message);
    }
}
