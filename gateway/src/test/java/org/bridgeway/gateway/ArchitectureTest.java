package org.bridgeway.gateway;

import org.bridgeway.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The gateway has no layers of its own, but the shared rules still hold for it: it imports no service's code
 * (only platform and events could be shared) and, having no store, no SQL at all.
 */
class ArchitectureTest {

    @Test
    void sharesNoCodeWithTheServicesAndTalksNoSql() {
        ArchitectureRules.check("org.bridgeway.gateway");
    }
}
