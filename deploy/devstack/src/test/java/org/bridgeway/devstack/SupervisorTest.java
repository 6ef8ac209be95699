package org.bridgeway.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorTest {

    @Test
    void aKilledChildIsNoticedRestartedAndReported(@TempDir Path home) throws Exception {
        AtomicReference<Process> process = new AtomicReference<>(new ProcessBuilder("sleep", "120").start());
        Supervisor.Child child = new Supervisor.Child() {
            public String name() {
                return "sleeper";
            }

            public boolean alive() {
                return process.get().isAlive();
            }

            public void restart() throws Exception {
                process.set(new ProcessBuilder("sleep", "120").start());
            }
        };
        Path status = home.resolve("children");
        try (Supervisor supervisor = new Supervisor(() -> List.of(child), status).start()) {
            Process first = process.get();
            first.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (supervisor.restarts("sleeper") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(1, supervisor.restarts("sleeper"));
            assertNotSame(first, process.get());
            assertTrue(process.get().isAlive());
            while (!Files.readString(status).contains("up, restarts 1") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(
                    Files.readString(status).contains("sleeper")
                            && Files.readString(status).contains("up, restarts 1"),
                    Files.readString(status));
        } finally {
            process.get().destroyForcibly();
        }
    }
}
