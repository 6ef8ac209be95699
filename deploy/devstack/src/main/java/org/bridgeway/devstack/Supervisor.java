package org.bridgeway.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Watches the devstack's children (PostgreSQL, the broker, the services) once a second and
 * restarts one that died with a growing backoff (1 s, 2 s, 4 s ... 30 s; back to 1 s once it has
 * stayed up a minute). Every death and restart is logged, and the state of each child is written
 * to a status file that {@code ./bridgeway status} prints. A child stopped on purpose (a test's
 * fault, {@code down}) is not in the list it is given, so it is left alone.
 */
public final class Supervisor implements AutoCloseable {

    /** One supervised child process. */
    public interface Child {
        String name();

        /** Cheap and bounded: no network round trip that can hang. */
        boolean alive();

        /** Starts it again; may block until it serves. */
        void restart() throws Exception;
    }

    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration STABLE = Duration.ofMinutes(1);

    private final Supplier<List<Child>> children;
    private final Path statusFile;
    private final Map<String, State> states = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean stopped;

    private static final class State {
        int restarts;
        Duration backoff = Duration.ofSeconds(1);
        Instant upSince = Instant.now();
        Instant restartAt;
        String note = "up";
    }

    public Supervisor(Supplier<List<Child>> children, Path statusFile) {
        this.children = children;
        this.statusFile = statusFile;
        this.thread = new Thread(this::run, "devstack-supervisor");
        thread.setDaemon(true);
    }

    public Supervisor start() {
        thread.start();
        return this;
    }

    /** How often a child was restarted so far (tests). */
    public synchronized int restarts(String name) {
        State state = states.get(name);
        return state == null ? 0 : state.restarts;
    }

    private void run() {
        while (!stopped) {
            try {
                for (Child child : children.get()) {
                    if (stopped) {
                        return;
                    }
                    watch(child);
                }
                writeStatus();
                Thread.sleep(TICK.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                Devstack.log("supervisor: " + e);
            }
        }
    }

    private void watch(Child child) {
        State state;
        synchronized (this) {
            state = states.computeIfAbsent(child.name(), n -> new State());
        }
        Instant now = Instant.now();
        if (child.alive()) {
            if (state.restartAt != null || !"up".equals(state.note)) {
                state.note = "up";
                state.upSince = now;
                state.restartAt = null;
            } else if (Duration.between(state.upSince, now).compareTo(STABLE) > 0) {
                state.backoff = Duration.ofSeconds(1);
            }
            return;
        }
        if (state.restartAt == null) {
            state.restartAt = now.plus(state.backoff);
            state.note = "died; restarting in " + state.backoff.toSeconds() + " s";
            Devstack.log(child.name() + " died; restarting in " + state.backoff.toSeconds() + " s (restart #"
                    + (state.restarts + 1) + ")");
            state.backoff = min(state.backoff.multipliedBy(2), MAX_BACKOFF);
            writeStatus();
            return;
        }
        if (now.isBefore(state.restartAt)) {
            return;
        }
        synchronized (this) {
            state.restarts++;
        }
        state.note = "restarting";
        writeStatus();
        try {
            child.restart();
            Devstack.log(child.name() + " restarted");
        } catch (Exception e) {
            Devstack.log(child.name() + " restart failed: " + e.getMessage());
        }
        state.restartAt = null;
        state.note = "up";
        state.upSince = Instant.now();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private synchronized void writeStatus() {
        if (statusFile == null) {
            return;
        }
        StringBuilder out = new StringBuilder();
        states.forEach((name, state) ->
                out.append(String.format("  %-18s %s, restarts %d%n", name, state.note, state.restarts)));
        try {
            Path tmp = statusFile.resolveSibling(statusFile.getFileName() + ".tmp");
            Files.writeString(tmp, out);
            Files.move(
                    tmp,
                    statusFile,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // status is advisory; the next tick writes it again
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(TICK.multipliedBy(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
