package org.bridgeway.screening;

import org.bridgeway.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * screening-service keeps DESIGN.md §2's layering: api → domain → store and messaging → domain, never back up;
 * SQL only in store; no other service's code. test-support's ArchitectureRulesTest shows each rule failing on a
 * fixture with the arrow it forbids.
 */
class ArchitectureTest {

    @Test
    void layersDependOneWayOnly() {
        ArchitectureRules.check("org.bridgeway.screening");
    }
}
