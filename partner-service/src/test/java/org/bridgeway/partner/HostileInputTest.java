package org.bridgeway.partner;

import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.bridgeway.testing.HostileInputProbe;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation of this service's OpenAPI document against hostile input (NUL bytes, fractions,
 * absurd dates, paging overflow, a byte-order mark, huge values, claims of the wrong shape): a 4xx
 * problem+json naming the field, never a 5xx. The defences live in platform's web part.
 */
@QuarkusTest
class HostileInputTest {

    @TestFactory
    Stream<DynamicNode> everyOperationRefusesHostileInputWithA4xxProblem() {
        return HostileInputProbe.ofRunningService().tests();
    }
}
