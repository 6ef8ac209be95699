package org.bridgeway.referral.domain.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The referral's states, aligned with HL7 FHIR Task as the Gravity Project's closed-loop referrals use
 * it, and which side may make which transition. Pure data; every use case asks here.
 */
public final class ReferralStates {

    public static final String REQUESTED = "requested";
    public static final String ACCEPTED = "accepted";
    public static final String IN_PROGRESS = "in-progress";
    public static final String ON_HOLD = "on-hold";
    public static final String COMPLETED = "completed";
    public static final String REJECTED = "rejected";
    public static final String CANCELLED = "cancelled";
    public static final String FAILED = "failed";
    public static final String EXPIRED = "expired";

    public static final List<String> ALL =
            List.of(REQUESTED, ACCEPTED, IN_PROGRESS, ON_HOLD, COMPLETED, REJECTED, CANCELLED, FAILED, EXPIRED);
    public static final Set<String> TERMINAL = Set.of(COMPLETED, REJECTED, CANCELLED, FAILED, EXPIRED);
    /** States after which the case goes to the next-best candidate on its own. */
    public static final Set<String> REROUTING = Set.of(REJECTED, EXPIRED);

    public static final Set<String> REJECTION_REASONS =
            Set.of("at-capacity", "not-eligible", "unable-to-contact", "declined-by-family", "other");
    public static final Set<String> OUTCOMES = Set.of("service-provided", "partially-provided", "not-provided");

    private static final Map<Side, Map<String, List<String>>> TRANSITIONS = Map.of(
            Side.PERFORMER,
                    Map.of(
                            REQUESTED, List.of(ACCEPTED, REJECTED),
                            ACCEPTED, List.of(IN_PROGRESS, ON_HOLD, COMPLETED, FAILED),
                            IN_PROGRESS, List.of(ON_HOLD, COMPLETED, FAILED),
                            ON_HOLD, List.of(IN_PROGRESS, FAILED)),
            Side.REQUESTER,
                    Map.of(
                            REQUESTED, List.of(CANCELLED),
                            ACCEPTED, List.of(CANCELLED),
                            IN_PROGRESS, List.of(CANCELLED),
                            ON_HOLD, List.of(CANCELLED)),
            Side.SYSTEM, Map.of(REQUESTED, List.of(EXPIRED)));

    private ReferralStates() {}

    /** The states this side may move a referral to from {@code from}; empty when it may not move it at all. */
    public static List<String> allowed(String from, Side side) {
        return TRANSITIONS.get(side).getOrDefault(from, List.of());
    }

    public static boolean isAllowed(String from, String to, Side side) {
        return allowed(from, side).contains(to);
    }

    public static boolean isTerminal(String status) {
        return TERMINAL.contains(status);
    }

    public static boolean isLive(String status) {
        return !TERMINAL.contains(status);
    }
}
