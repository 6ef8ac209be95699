package org.bridgeway.referral;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.bridgeway.testing.InfraTestResource;

/** Every @QuarkusTest of this module runs against the JVM's real PostgreSQL (database "referral") and Kafka. */
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
public final class RealInfrastructure {

    private RealInfrastructure() {
    }
}
