package org.bridgeway.referral;

import org.bridgeway.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** referral-service keeps DESIGN.md §2's layering: api → domain → store, messaging → domain; SQL only in store. */
class ArchitectureTest {

    @Test
    void layersDependOneWayOnly() {
        ArchitectureRules.check("org.bridgeway.referral");
    }
}
