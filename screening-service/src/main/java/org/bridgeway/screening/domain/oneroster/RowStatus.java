package org.bridgeway.screening.domain.oneroster;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.bridgeway.platform.input.HostileText;
import org.bridgeway.platform.input.Refusals;

/**
 * The columns every OneRoster row has, read per the file's mode. Bulk: the file is a snapshot, so a row exists
 * ({@code status} blank or {@code active}); delta: {@code status} is {@code active} or {@code tobedeleted} and
 * {@code dateLastModified} an ISO 8601 date-time.
 */
enum RowStatus {
    ACTIVE,
    TO_BE_DELETED;

    static final int MAX_ID = 64;

    /** @return the row's status, or null after adding why it cannot be read to {@code errors} */
    static RowStatus of(CsvRow row, Mode mode, List<RosterRowError> errors) {
        String status = row.get("status").toLowerCase(Locale.ROOT);
        if (mode == Mode.BULK) {
            if (status.isEmpty() || status.equals("active")) {
                return ACTIVE;
            }
            errors.add(row.error(
                    "status",
                    status.equals("tobedeleted")
                            ? "tobedeleted is only read in delta mode; a bulk file lists what exists"
                            : "must be blank or active in bulk mode"));
            return null;
        }
        RowStatus read = switch (status) {
            case "active" -> ACTIVE;
            case "tobedeleted" -> TO_BE_DELETED;
            default -> null;
        };
        if (read == null) {
            errors.add(row.error("status", "must be active or tobedeleted in delta mode"));
        }
        if (!isDateTime(row.get("dateLastModified"))) {
            errors.add(row.error("dateLastModified", "must be an ISO 8601 date and time in delta mode"));
            return null;
        }
        return read;
    }

    /** A sourcedId the roster can key on: present, short, printable. @return null after adding the error */
    static String id(CsvRow row, String column, List<RosterRowError> errors) {
        return text(row, column, MAX_ID, errors);
    }

    /** Text the roster stores: present, at most {@code max} characters, printable. @return null after the error */
    static String text(CsvRow row, String column, int max, List<RosterRowError> errors) {
        String text = row.get(column);
        String problem = text.isEmpty()
                ? "must not be blank"
                : text.length() > max
                        ? "must be at most " + max + " characters"
                        : HostileText.hasControlCharacter(text) ? Refusals.CONTROL_CHARACTERS : null;
        if (problem != null) {
            errors.add(row.error(column, problem));
            return null;
        }
        return text;
    }

    private static boolean isDateTime(String value) {
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
