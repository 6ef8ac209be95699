package org.bridgeway.partner.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.bridgeway.platform.problem.ApiException;

/** Query parameters read as text and parsed here, so a malformed one is a 400 naming it rather than a 404. */
final class QueryParams {

    private QueryParams() {}

    static Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalidField(name, "must be a whole number from " + min + " to " + max);
    }

    static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidField(name, "must be true or false");
        };
    }

    static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw ApiException.invalidField(
                    name,
                    "must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.getYear() >= 2000 && date.getYear() <= 2100) {
                return date;
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw ApiException.invalidField(name, "must be a date (YYYY-MM-DD) between 2000 and 2100");
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeException e) {
            throw ApiException.invalidField(name, "must be an RFC 3339 date-time such as 2026-10-05T00:00:00Z");
        }
    }

    /** A repeatable parameter's values; each bounded, empty ones dropped. */
    static List<String> values(String name, List<String> values, int maxCount, int maxLength) {
        if (values == null) {
            return List.of();
        }
        List<String> kept = values.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(String::trim)
                .distinct()
                .toList();
        if (kept.size() > maxCount || kept.stream().anyMatch(v -> v.length() > maxLength)) {
            throw ApiException.invalidField(
                    name, "at most " + maxCount + " values of at most " + maxLength + " characters");
        }
        return kept;
    }

    static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiException.invalidField(name, "must be at most " + maxLength + " characters");
        }
        return value.trim();
    }
}
