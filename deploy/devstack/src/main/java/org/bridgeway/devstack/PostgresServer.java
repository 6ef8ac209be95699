package org.bridgeway.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL 17 server run from the zonky binaries: no Docker, no system install.
 * One server hosts one database per service, as in production.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory kept between runs when not null (the devstack); a fresh temporary
     *                      directory when null (tests)
     * @param port          0 for any free port
     */
    public static PostgresServer start(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port == 0 ? Ports.free() : port)
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off".equals(System.getenv("BRIDGEWAY_PG_FSYNC")) ? "off" : "on")
                // zonky defaults to off (a commit returns before its WAL is flushed): fast for tests and
                // the devstack; the bench turns it on to measure as production runs.
                .setServerConfig(
                        "synchronous_commit",
                        setting("bridgeway.pg.synchronous-commit", "BRIDGEWAY_PG_SYNCHRONOUS_COMMIT", "off"))
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        return new PostgresServer(builder.start());
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : value;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the database when it does not exist yet. */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs =
                    statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
