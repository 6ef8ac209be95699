package org.bridgeway.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bridgeway.devstack.Devstack;
import org.bridgeway.devstack.TempDirs;

/**
 * The packaged suite (real PostgreSQL, real Kafka, the four service jars) on free ports, started
 * once for all system tests of this JVM and stopped when it exits.
 */
final class Suite {

    private static Devstack devstack;
    private static Path home;

    private Suite() {}

    static synchronized Devstack get() {
        if (devstack == null) {
            Path root = Path.of("").toAbsolutePath().getParent();
            try {
                home = Files.createTempDirectory("bridgeway-system-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            devstack = new Devstack(Devstack.Layout.ephemeral(root, home))
                    .withEnv("gateway", "BRIDGEWAY_RATE_LIMIT_BULK_PER_SECOND", "0.05")
                    .withEnv("gateway", "BRIDGEWAY_RATE_LIMIT_BULK_BURST", "4")
                    .withEnv("gateway", "BRIDGEWAY_BREAKER_OPEN_FOR", "2s");
            // Durability faults (PostgreSQL stopped under load) are meaningful only with commits flushed.
            System.setProperty("bridgeway.pg.synchronous-commit", "on");
            Runtime.getRuntime().addShutdownHook(new Thread(Suite::stop, "suite-stop"));
            try {
                devstack.start();
            } catch (Exception e) {
                throw new IllegalStateException("the suite did not start; logs under " + home.resolve("logs"), e);
            }
        }
        return devstack;
    }

    private static synchronized void stop() {
        devstack.close();
        TempDirs.deleteQuietly(home);
    }
}
