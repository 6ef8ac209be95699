package org.bridgeway.partner.domain;

import org.bridgeway.platform.problem.ApiException;

/** Optimistic locking: a write names the version it read (the ETag), and loses if someone else wrote since. */
public final class Versions {

    private Versions() {}

    /** @param expected the version the caller read, or null when it did not say (only where that is allowed) */
    public static void require(Long expected, long current) {
        if (expected != null && expected != current) {
            throw new ApiException(
                    412,
                    "Precondition Failed",
                    "This resource changed since you read it (version " + current + " now, If-Match named " + expected
                            + "): read it again and retry.",
                    null);
        }
    }
}
