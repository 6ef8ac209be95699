package org.bridgeway.referral.api;

import jakarta.ws.rs.core.EntityTag;

/** A referral's version as its strong ETag, and the version an If-Match names. */
final class ETags {

    static final String IF_MATCH = "If-Match";
    /** A tag this service never issues: an unreadable If-Match matches no version. */
    static final int NO_VERSION = -1;

    private ETags() {}

    static EntityTag of(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** @return null when the header is absent (the use case answers 428) */
    static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.trim();
        if (!tag.startsWith("\"") || !tag.endsWith("\"") || tag.length() < 3) {
            return NO_VERSION; // weak tags, "*" and lists never match: a transition needs the exact version read
        }
        try {
            return Integer.parseInt(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            return NO_VERSION;
        }
    }
}
