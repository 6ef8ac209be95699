package org.bridgeway.platform.security;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The claims a Bridgeway call is decided on, and the only shapes they may have: a signed token that
 * carries them otherwise (a board that is a list, an org that is a number, no {@code sub}) is refused
 * as a whole at the edge of the gateway and of each service (401), so nothing downstream has to guess.
 * Pure logic: the claims come in as a lookup, whichever JWT library read them.
 */
public final class TokenShape {

    /**
     * Board and organization ids: no ':' or other separator can occur in one, so a pseudonym derived
     * from a board id and a SIS id can never be read two ways.
     */
    public static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final Pattern SUBJECT = Pattern.compile("[^\\p{Cntrl}]{1,200}");

    private TokenShape() {}

    /** @return why the token cannot be used, or empty when its claims have the shapes we need */
    public static Optional<String> problem(Function<String, Object> claims) {
        try {
            return shapeProblem(claims);
        } catch (RuntimeException unreadable) {
            // JWT libraries throw when a standard claim (groups) has a type they do not expect
            return Optional.of("a claim has a type that cannot be read");
        }
    }

    private static Optional<String> shapeProblem(Function<String, Object> claims) {
        Object subject = text(claims.apply("sub"));
        if (!(subject instanceof String s) || !SUBJECT.matcher(s).matches()) {
            return Optional.of("the token has no usable subject (sub)");
        }
        for (String tenant : new String[] {"board", "org"}) {
            Object value = claims.apply(tenant);
            if (value != null
                    && !(text(value) instanceof String id
                            && TENANT_ID.matcher(id).matches())) {
                return Optional.of("the " + tenant + " claim must be one identifier");
            }
        }
        for (String list : new String[] {"groups", "schools"}) {
            Object value = claims.apply(list);
            if (value != null && !isListOfText(value)) {
                return Optional.of("the " + list + " claim must be a list of strings");
            }
        }
        return Optional.empty();
    }

    private static boolean isListOfText(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().allMatch(item -> text(item) instanceof String s && !s.isBlank() && s.length() <= 200);
        }
        return false;
    }

    /** Claim values arrive as Java strings or as JSON-P values, depending on the claim. */
    private static Object text(Object value) {
        if (value instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        return value;
    }
}
