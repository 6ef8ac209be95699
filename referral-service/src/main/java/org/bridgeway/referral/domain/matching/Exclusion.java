package org.bridgeway.referral.domain.matching;

import java.util.List;
import java.util.UUID;

/** A service that covers a need of the case but cannot take it, and every reason why. */
public record Exclusion(UUID serviceId, String serviceName, UUID organizationId, List<String> reasons) {

    public static final String INACTIVE = "not-active";
    public static final String TOO_YOUNG = "below-minimum-age";
    public static final String TOO_OLD = "above-maximum-age";
    public static final String GRADE_TOO_LOW = "below-minimum-grade";
    public static final String GRADE_TOO_HIGH = "above-maximum-grade";
    public static final String OUTSIDE_AREA = "outside-service-area";
    public static final String LANGUAGE = "language-not-offered";
    public static final String NO_CAPACITY = "no-capacity-and-no-waitlist";
    public static final String NO_AGREEMENT = "no-agreement-in-force";
    public static final String SCOPE_MISSING = "agreement-does-not-cover-disclosure";
    public static final String DECLINED = "organization-declined-or-let-this-case-expire";
    public static final String ALREADY_REFERRED = "already-referred-for-this-case";
}
