package org.bridgeway.platform.security;

/** The roles of DESIGN.md §7, carried in the token's {@code groups} claim. */
public final class Roles {

    public static final String SIS = "sis";
    public static final String SCHOOL_STAFF = "school-staff";
    public static final String COORDINATOR = "coordinator";
    public static final String PARTNER = "partner";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";
    /** referral-service's own credential: asks screening-service for an identity disclosure, across boards. */
    public static final String REFERRAL_SERVICE = "referral-service";

    private Roles() {}
}
