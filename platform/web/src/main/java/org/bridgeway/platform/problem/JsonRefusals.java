package org.bridgeway.platform.problem;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.bridgeway.platform.input.Refusals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a client reads when a JSON value has the wrong type: the expected kind of value in API terms
 * ("must be a whole number"), never Jackson's message, which names Java types and echoes the input.
 */
final class JsonRefusals {

    private static final Set<Class<?>> WHOLE = Set.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class,
            byte.class, Byte.class, java.math.BigInteger.class);
    private static final Set<String> OWN = Set.of(Refusals.CONTROL_CHARACTERS, Refusals.IMPLAUSIBLE_DATE);

    private JsonRefusals() {
    }

    static String message(MismatchedInputException e) {
        if (e instanceof InvalidFormatException && OWN.contains(e.getOriginalMessage())) {
            return e.getOriginalMessage();
        }
        return expected(e.getTargetType());
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type or shape";
        }
        if (WHOLE.contains(type)) {
            return Refusals.WHOLE_NUMBER;
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == LocalDateTime.class) {
            return "must be a date and time (ISO 8601)";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type.isEnum()) {
            String values = Arrays.stream(type.getEnumConstants()).limit(20).map(Object::toString).collect(Collectors.joining(", "));
            return "must be one of: " + values;
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "must be a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.isPrimitive()) {
            return "must be an object";
        }
        return "has the wrong type or shape";
    }
}
