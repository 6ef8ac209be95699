package org.bridgeway.screening.domain;

/** A student's consent in force; the values are those of the consent table's CHECK and of ConsentChanged. */
public enum ConsentStatus {
    GRANTED,
    REFUSED,
    WITHDRAWN,
    UNKNOWN;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A student without any consent entry is {@link #UNKNOWN}. */
    public static ConsentStatus of(String value) {
        return value == null ? UNKNOWN : valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
