package org.bridgeway.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
import org.bridgeway.platform.input.Refusals;
import org.bridgeway.platform.input.RefusedValue;

/**
 * What a client reads when a JSON value has the wrong type: the expected kind of value in API terms
 * ("must be a whole number"), never Jackson's message, which names Java types and echoes the input.
 */
public final class JsonRefusals {

    private static final Set<Class<?>> WHOLE = Set.of(
            int.class,
            Integer.class,
            long.class,
            Long.class,
            short.class,
            Short.class,
            byte.class,
            Byte.class,
            java.math.BigInteger.class);

    private JsonRefusals() {}

    /** The field a mapping error is about, as the API names it ({@code schools[0].name}); empty for the whole body. */
    public static String field(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** What was wrong with the value, in API terms. */
    public static String message(JsonMappingException e) {
        if (e instanceof RefusedValue) {
            return e.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof MismatchedInputException mismatch) {
            return expected(mismatch.getTargetType());
        }
        // Only our own constructors' words pass; Jackson's name Java types and echo input.
        return e.getCause() instanceof IllegalArgumentException own && own.getMessage() != null
                ? own.getMessage()
                : "cannot be read here";
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
            String values = Arrays.stream(type.getEnumConstants())
                    .limit(20)
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
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
