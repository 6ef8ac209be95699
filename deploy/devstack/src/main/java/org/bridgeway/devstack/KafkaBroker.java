package org.bridgeway.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) in its own JVM, started from
 * the jars Maven resolved for this module. Its heap is bounded; it can be stopped and started again
 * on the same ports and data, which is how tests prove the outbox survives an outage.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String READY_LINE = "Kafka Server started";

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private Process process;

    private KafkaBroker(Path home, int port, int controllerPort, String heap) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
    }

    /**
     * @param home a directory for the broker's config, data and log; formatted on first use
     * @param port 0 for any free port
     */
    public static KafkaBroker start(Path home, int port, String heap) throws IOException {
        KafkaBroker broker = new KafkaBroker(home, port == 0 ? Ports.free() : port, Ports.free(), heap);
        broker.configure();
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** It was started and not stopped, yet its process is gone (killed, out of memory). */
    public synchronized boolean crashed() {
        return process != null && !process.isAlive();
    }

    private void configure() throws IOException {
        Files.createDirectories(home.resolve("data"));
        String properties = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.flush.interval.messages=1000",
                "");
        Files.writeString(home.resolve("server.properties"), properties);
        Files.writeString(
                home.resolve("log4j2.properties"),
                String.join(
                        "\n",
                        "status = warn",
                        "appender.out.type = Console",
                        "appender.out.name = OUT",
                        "appender.out.layout.type = PatternLayout",
                        "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                        "rootLogger.level = WARN",
                        "rootLogger.appenderRef.out.ref = OUT",
                        "logger.server.name = kafka.server.KafkaRaftServer",
                        "logger.server.level = INFO",
                        ""));
        if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
            Process format = java(
                            "kafka.tools.StorageTool",
                            "format",
                            "-t",
                            clusterId(),
                            "-c",
                            home.resolve("server.properties").toString(),
                            "--ignore-formatted")
                    .redirectOutput(home.resolve("format.log").toFile())
                    .redirectErrorStream(true)
                    .start();
            try {
                if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    format.destroyForcibly();
                    throw new IOException(
                            "formatting Kafka storage failed: " + Files.readString(home.resolve("format.log")));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    /**
     * A random cluster id in Kafka's form (16 bytes, base64url). Never one starting with '-': the storage tool's
     * argument parser takes that for an option and refuses to format (1 start in 64 failed that way).
     */
    static String clusterId() {
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
            buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
        } while (id.startsWith("-"));
        return id;
    }

    /** Starts (or restarts after {@link #stop()}) the broker and waits until it serves requests. */
    public synchronized void start() throws IOException {
        if (running()) {
            return;
        }
        Path log = home.resolve("kafka.log");
        Files.deleteIfExists(log);
        process = java("kafka.Kafka", home.resolve("server.properties").toString())
                .redirectOutput(log.toFile())
                .redirectErrorStream(true)
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Kafka exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            if (Files.exists(log) && Files.readString(log).contains(READY_LINE) && Ports.listening(port)) {
                return;
            }
            sleep(100);
        }
        stop();
        throw new IOException("Kafka did not start within 90 s, see " + log);
    }

    /** Stops the broker cleanly (as an outage would look to the services) and waits for it to exit. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        while (Ports.listening(port)) {
            sleep(50);
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"));
        command.add("-cp");
        command.add(brokerClasspath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(home.toFile());
    }

    static String brokerClasspath() {
        return classpathResource("/bridgeway-kafka-broker.classpath");
    }

    private static String classpathResource(String name) {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing: build deploy/kafka-broker with Maven first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
