package org.bridgeway.screening.domain.oneroster;

import java.util.Locale;
import java.util.Optional;

/** How manifest.csv says a file is to be read: not sent, a complete snapshot, or only the changed records. */
public enum Mode {
    ABSENT,
    BULK,
    DELTA;

    /** The mode a manifest value names ({@code absent | bulk | delta}, any letter case), if any. */
    static Optional<Mode> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "absent" -> Optional.of(ABSENT);
            case "bulk" -> Optional.of(BULK);
            case "delta" -> Optional.of(DELTA);
            default -> Optional.empty();
        };
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
