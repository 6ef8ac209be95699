package org.bridgeway.partner;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.bridgeway.testing.InfraTestResource;

/** Every @QuarkusTest of this module runs against the JVM's real PostgreSQL (database "partner") and Kafka. */
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "partner"))
public final class RealInfrastructure {

    private RealInfrastructure() {
    }
}
