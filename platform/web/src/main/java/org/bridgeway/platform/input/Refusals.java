package org.bridgeway.platform.input;

/** The messages a client reads when hostile input is refused; never the value, never a Java type. */
public final class Refusals {

    public static final String CONTROL_CHARACTERS = "must not contain control characters";
    public static final String IMPLAUSIBLE_DATE =
            "must be a date between " + HostileJson.FIRST_YEAR + " and " + HostileJson.LAST_YEAR;
    public static final String WHOLE_NUMBER = "must be a whole number";
    public static final String TENANT_ID =
            "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private Refusals() {}
}
