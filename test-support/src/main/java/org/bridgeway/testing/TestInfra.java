package org.bridgeway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bridgeway.devstack.DemoTokens;
import org.bridgeway.devstack.JvmWide;
import org.bridgeway.devstack.KafkaBroker;
import org.bridgeway.devstack.PostgresServer;
import org.bridgeway.devstack.TempDirs;

/**
 * One real PostgreSQL and one real Kafka broker per test JVM, started on first use on free ports and
 * stopped when the JVM exits. The instances live in {@link JvmWide}, so every test class and every Quarkus
 * restart sees the same ones, whichever class loader loaded this class.
 */
public final class TestInfra {

    private TestInfra() {}

    public static PostgresServer postgres() {
        return JvmWide.instance("bridgeway.test.postgres", PostgresServer.class, TestInfra::startPostgres);
    }

    public static KafkaBroker kafka() {
        return JvmWide.instance("bridgeway.test.kafka", KafkaBroker.class, TestInfra::startKafka);
    }

    public static DemoTokens tokens() {
        return JvmWide.instance("bridgeway.test.tokens", DemoTokens.class, DemoTokens::generate);
    }

    /** A signed bearer token for {@code subject}; chain roles and scope claims, then {@code sign()}. */
    public static DemoTokens.Builder token(String subject) {
        return tokens().token(subject);
    }

    private static PostgresServer startPostgres() {
        try {
            PostgresServer postgres = PostgresServer.start(null, 0);
            stopAtExit("postgres", () -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    System.err.println("stopping PostgreSQL: " + e.getMessage());
                }
            });
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    private static KafkaBroker startKafka() {
        try {
            Path home = Files.createTempDirectory("bridgeway-kafka-");
            KafkaBroker kafka = KafkaBroker.start(home, 0, "384m");
            stopAtExit("kafka", () -> {
                kafka.stop();
                TempDirs.deleteQuietly(home);
            });
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka", e);
        }
    }

    private static void stopAtExit(String what, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "test-infra-stop-" + what));
    }
}
