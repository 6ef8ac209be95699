package org.bridgeway.partner;

import org.bridgeway.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** partner-service keeps DESIGN.md §2's one-way layering: api → domain → store, SQL only in store. */
class ArchitectureTest {

    @Test
    void layersDependOneWayOnly() {
        ArchitectureRules.check("org.bridgeway.partner");
    }
}
