package org.bridgeway.events;

import java.time.Instant;
import java.util.UUID;

/** School staff or a coordinator confirmed (with a tier) or dismissed a flagged screening. */
public record ScreeningReviewed(
        UUID screeningId,
        String studentRef,
        String boardId,
        String schoolId,
        String decision,
        Integer tier,
        boolean knownToStaff,
        Instant reviewedAt) {

    public static final String CONFIRMED = "confirmed";
    public static final String DISMISSED = "dismissed";
}
