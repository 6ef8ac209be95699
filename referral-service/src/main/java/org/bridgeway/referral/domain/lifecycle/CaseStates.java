package org.bridgeway.referral.domain.lifecycle;

import java.util.Set;

/** A case: {@code open → validated → referred → closed}, or {@code dismissed}. */
public final class CaseStates {

    public static final String OPEN = "open";
    public static final String VALIDATED = "validated";
    public static final String REFERRED = "referred";
    public static final String CLOSED = "closed";
    public static final String DISMISSED = "dismissed";

    public static final Set<String> ALL = Set.of(OPEN, VALIDATED, REFERRED, CLOSED, DISMISSED);
    public static final Set<String> FINISHED = Set.of(CLOSED, DISMISSED);

    /** Tier 1 is active monitoring at school: the case closes without a referral. */
    public static final String MONITORING_AT_SCHOOL = "monitoring-at-school";

    public static final String NO_REFERRAL_NEEDED = "no-referral-needed";
    public static final String CLOSED_BY_COORDINATOR = "closed-by-coordinator";
    public static final Set<String> CLOSURE_OUTCOMES = Set.of(
            "service-provided",
            "partially-provided",
            "not-provided",
            MONITORING_AT_SCHOOL,
            NO_REFERRAL_NEEDED,
            CLOSED_BY_COORDINATOR,
            "family-declined",
            "moved-away");

    private CaseStates() {}

    /** How many referrals a tier calls for: none at 0-1, one at 2-3, one per distinct need at 4. */
    public static int referralsFor(int tier, int distinctNeeds) {
        if (tier <= 1) {
            return 0;
        }
        return tier >= 4 ? Math.max(1, distinctNeeds) : 1;
    }

    public static boolean isFinished(String status) {
        return FINISHED.contains(status);
    }
}
