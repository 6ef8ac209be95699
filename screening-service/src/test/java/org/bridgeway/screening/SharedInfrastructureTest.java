package org.bridgeway.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.test.junit.QuarkusTest;
import org.bridgeway.devstack.JvmWide;
import org.bridgeway.devstack.PostgresServer;
import org.bridgeway.testing.TestInfra;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Every test class of the JVM must reach the same PostgreSQL and Kafka: that holds only while devstack is
 * loaded parent-first (configured in the parent pom's surefire settings, never in production config).
 */
@QuarkusTest
class SharedInfrastructureTest {

    @Test
    void testInfrastructureIsOneInstancePerJvm() {
        assertSame(
                ClassLoader.getSystemClassLoader(),
                PostgresServer.class.getClassLoader(),
                "devstack must be loaded parent-first, or each Quarkus start would get its own PostgreSQL");
        assertSame(TestInfra.postgres(), JvmWide.instance("bridgeway.test.postgres", PostgresServer.class, () -> null));
    }

    @Test
    void theServiceRunsAgainstItsOwnDatabaseOnTheTestServer() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);

        assertEquals(TestInfra.postgres().jdbcUrl("screening"), url);
    }
}
