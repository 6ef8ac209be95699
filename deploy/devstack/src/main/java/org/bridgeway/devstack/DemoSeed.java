package org.bridgeway.devstack;

/**
 * Seeds the demo through the public API, as an integrator would: instrument, school roster, partner
 * agencies, agreements, then a synthetic cohort. Each step is idempotent, so {@code up} can run it
 * on every start.
 */
final class DemoSeed {

    static final String BOARD = "demo-board";
    static final String SCHOOL = "demo-school-1";
    static final String PARTNER_ORG = "demo-youth-services";

    private DemoSeed() {
    }

    static void run(Devstack devstack, DemoTokens tokens) {
        // The services' seeding steps are added here as their APIs land.
    }
}
