package org.bridgeway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.bridgeway.devstack.DemoTokens;
import org.bridgeway.devstack.PostgresServer;

/**
 * Points a service under {@code @QuarkusTest} at the JVM's real PostgreSQL and real Kafka broker, and makes it
 * trust the test token key. Registered for every {@code @QuarkusTest} through
 * {@code META-INF/services}, so no module declares it: the database is the one the service's own
 * {@code quarkus.datasource.jdbc.url} names (a {@code database} init argument overrides it), created on first
 * use. An application without a datasource (the gateway) is left alone. The servers outlive a Quarkus restart
 * between test profiles; the JVM's exit stops them.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    static final String DATASOURCE_URL = "quarkus.datasource.jdbc.url";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        Optional<String> name = Optional.ofNullable(database).or(InfraTestResource::databaseOfTheService);
        if (name.isEmpty()) {
            return Map.of();
        }
        Map<String, String> config = new HashMap<>();
        PostgresServer postgres = TestInfra.postgres();
        postgres.ensureDatabase(name.get());
        config.put(DATASOURCE_URL, postgres.jdbcUrl(name.get()));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        config.put("kafka.bootstrap.servers", TestInfra.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey", TestInfra.tokens().publicKeyBase64());
        config.put("mp.jwt.verify.issuer", DemoTokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // Deliberately nothing: TestInfra stops the servers when the test JVM exits.
    }

    /** The database named at the end of the service's own datasource URL, if its application.properties has one. */
    static Optional<String> databaseOfTheService() {
        try {
            Enumeration<URL> files =
                    Thread.currentThread().getContextClassLoader().getResources("application.properties");
            while (files.hasMoreElements()) {
                Properties properties = new Properties();
                try (InputStream in = files.nextElement().openStream()) {
                    properties.load(in);
                }
                Optional<String> name = databaseName(properties.getProperty(DATASOURCE_URL));
                if (name.isPresent()) {
                    return name;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service's application.properties", e);
        }
    }

    /** {@code jdbc:postgresql://host:port/screening?x=y} names the database {@code screening}. */
    static Optional<String> databaseName(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            return Optional.empty();
        }
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        if (slash < 0) {
            return Optional.empty();
        }
        String path = jdbcUrl.substring(slash + 1);
        int query = path.indexOf('?');
        String name = query < 0 ? path : path.substring(0, query);
        return name.isBlank() ? Optional.empty() : Optional.of(name);
    }
}
