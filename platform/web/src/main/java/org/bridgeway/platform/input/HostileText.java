package org.bridgeway.platform.input;

/** What text from a client may not hold, wherever it arrives (JSON, path, query, CSV). */
public final class HostileText {

    private HostileText() {}

    /**
     * True when the text holds a control character other than tab, line feed and carriage return:
     * NUL (which PostgreSQL refuses in text), escape sequences, DEL.
     */
    public static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
