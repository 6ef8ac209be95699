package org.bridgeway.testing;

import org.bridgeway.devstack.DemoTokens;
import org.bridgeway.devstack.KafkaBroker;
import org.bridgeway.devstack.PostgresServer;
import org.bridgeway.devstack.TempDirs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL and one real Kafka broker per test JVM, started on first use on free ports and
 * stopped when the JVM exits. This class must be loaded parent-first (see the parent pom's surefire
 * {@code quarkus.class-loading.parent-first-artifacts}) so every test class sees the same instances.
 */
public final class TestInfra {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static Path kafkaHome;
    private static DemoTokens tokens;
    private static boolean hooked;

    private TestInfra() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            try {
                postgres = PostgresServer.start(null, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start PostgreSQL", e);
            }
            hookShutdown();
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            try {
                kafkaHome = Files.createTempDirectory("bridgeway-kafka-");
                kafka = KafkaBroker.start(kafkaHome, 0, "384m");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start Kafka", e);
            }
            hookShutdown();
        }
        return kafka;
    }

    public static synchronized DemoTokens tokens() {
        if (tokens == null) {
            tokens = DemoTokens.generate();
        }
        return tokens;
    }

    /** A signed bearer token for {@code subject}; chain roles and scope claims, then {@code sign()}. */
    public static DemoTokens.Builder token(String subject) {
        return tokens().token(subject);
    }

    private static void hookShutdown() {
        if (hooked) {
            return;
        }
        hooked = true;
        Runtime.getRuntime().addShutdownHook(new Thread(TestInfra::stopAll, "test-infra-stop"));
    }

    private static synchronized void stopAll() {
        if (kafka != null) {
            kafka.stop();
            TempDirs.deleteQuietly(kafkaHome);
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("stopping PostgreSQL: " + e.getMessage());
            }
        }
    }

}
