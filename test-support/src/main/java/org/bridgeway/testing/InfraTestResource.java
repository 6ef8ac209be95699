package org.bridgeway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.bridgeway.devstack.DemoTokens;
import org.bridgeway.devstack.PostgresServer;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a service under {@code @QuarkusTest} at the JVM's real PostgreSQL (its own database, named
 * by the {@code database} argument) and real Kafka broker, and makes it trust the test token key.
 * The servers outlive a Quarkus restart between test profiles; the JVM's exit stops them.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (database != null) {
            PostgresServer postgres = TestInfra.postgres();
            postgres.ensureDatabase(database);
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        }
        config.put("kafka.bootstrap.servers", TestInfra.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey", TestInfra.tokens().publicKeyBase64());
        config.put("mp.jwt.verify.issuer", DemoTokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // Deliberately nothing: TestInfra stops the servers when the test JVM exits.
    }
}
