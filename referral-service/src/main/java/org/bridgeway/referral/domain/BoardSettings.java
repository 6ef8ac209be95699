package org.bridgeway.referral.domain;

/**
 * A board's referral settings: {@code dispatch} {@code auto} sends a validated case to its best
 * candidate(s) at once, {@code manual} waits for a coordinator; {@code validationRequired} false lets
 * a flagged case be dispatched on its suggested tier before any review; {@code region} is the board's
 * service-area code (the board id unless set).
 */
public record BoardSettings(
        String boardId, String dispatch, boolean validationRequired, int slaBusinessDays, String region) {

    public static final String AUTO = "auto";
    public static final String MANUAL = "manual";

    public static BoardSettings defaults(String boardId) {
        return new BoardSettings(boardId, MANUAL, true, 2, boardId);
    }

    public boolean autoDispatch() {
        return AUTO.equals(dispatch);
    }
}
