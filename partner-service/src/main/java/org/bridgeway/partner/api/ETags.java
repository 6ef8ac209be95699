package org.bridgeway.partner.api;

import jakarta.ws.rs.core.EntityTag;
import org.bridgeway.platform.problem.ApiException;

/** The service's and agreement's version as a strong ETag, and the If-Match a write must carry. */
final class ETags {

    static final String IF_MATCH = "If-Match";

    private ETags() {}

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version If-Match names, or null when the header is absent (a write that may go without it). */
    static Long optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
    }

    /** The version If-Match names: absent (or {@code *}) is 428, since a blind write could undo someone else's. */
    static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            throw new ApiException(
                    428,
                    "Precondition Required",
                    "Send If-Match with the ETag you read, so a concurrent " + "change is not overwritten.",
                    null);
        }
        return parse(ifMatch);
    }

    private static long parse(String ifMatch) {
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            // A tag we never issued matches nothing.
            throw new ApiException(
                    412, "Precondition Failed", "If-Match does not name a version of this resource.", null);
        }
    }
}
