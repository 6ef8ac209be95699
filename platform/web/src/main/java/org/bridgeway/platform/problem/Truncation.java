package org.bridgeway.platform.problem;

/** Problem texts are bounded: an error never echoes a client's megabyte back to it. */
final class Truncation {

    static final int MAX_DETAIL = 500;
    static final int MAX_FIELD = 200;

    private Truncation() {}

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "…";
    }
}
