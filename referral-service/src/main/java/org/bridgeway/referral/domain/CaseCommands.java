package org.bridgeway.referral.domain;

import java.util.UUID;

/** What a coordinator or school staff asks of a case. */
public final class CaseCommands {

    private CaseCommands() {}

    /** {@code decision} confirm (with a tier 0-4) or dismiss. */
    public record Validate(String decision, Integer tier, String note) {
        public static final String CONFIRM = "confirm";
        public static final String DISMISS = "dismiss";
    }

    /** A referral to a chosen service, or to the best candidate when {@code serviceId} is null. */
    public record Dispatch(UUID serviceId, String need, String note) {}

    public record Close(String outcome, String note) {}

    /** The filters of the board view of cases. */
    public record CaseFilter(String status, String schoolId, Boolean needsAttention) {}
}
