package org.bridgeway.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import org.bridgeway.testing.InfraTestResource;

/** The gateway keeps no database; it trusts the test token key like the services do. */
@QuarkusTestResource(InfraTestResource.class)
public final class RealInfrastructure {

    private RealInfrastructure() {
    }
}
