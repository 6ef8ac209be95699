package org.bridgeway.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite on one machine: PostgreSQL, Kafka and the four services as child processes.
 * {@code ./bridgeway up} runs {@link #main}; system tests and benchmarks start one on free ports
 * and can stop and restart a single service to inject faults.
 */
public final class Devstack implements AutoCloseable {

    /** The services in start order; the gateway last, since it reports its upstreams' health. */
    public static final List<Service> SERVICES = List.of(
            new Service("screening-service", 8081, "screening"),
            new Service("partner-service", 8082, "partner"),
            new Service("referral-service", 8083, "referral"),
            new Service("gateway", 8080, null));

    public record Service(String module, int defaultPort, String database) {}

    /** Where everything lives and listens. */
    public record Layout(Path root, Path home, int postgresPort, int kafkaPort, Map<String, Integer> ports) {

        /** The devstack of {@code ./bridgeway up}: fixed, documented ports, data kept under .bridgeway/. */
        public static Layout standard(Path root) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            SERVICES.forEach(s -> ports.put(s.module(), s.defaultPort()));
            return new Layout(root, root.resolve(".bridgeway"), 15432, 19092, ports);
        }

        /** A throwaway suite on free ports (system tests, benchmarks). */
        public static Layout ephemeral(Path root, Path home) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            SERVICES.forEach(s -> ports.put(s.module(), Ports.free()));
            return new Layout(root, home, Ports.free(), Ports.free(), ports);
        }

        public int port(String module) {
            return ports.get(module);
        }
    }

    private final Layout layout;
    /** The services meant to be running; one stopped on purpose is removed, so it is not restarted. */
    private final Map<String, Process> running = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * The services' JVM: the serial collector (two cores), a heap capped at 192 MB that starts at 64 MB and grows
     * with the JVM's default free ratios. Tighter ratios (10-30% free) kept the old generation nearly full, and a
     * queue of requests under overload then made back-to-back full collections: 4x the CPU per request and seconds
     * of latency at 200 req/s (bench/results/2026-11-30-fixes.md). {@code -Dbridgeway.service.jvm-options}
     * replaces it, trimming included.
     */
    static final String SERVICE_JVM_OPTIONS = "-Xms64m -Xmx192m -XX:+UseSerialGC -Xss512k"
            + " -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -XX:MaxDirectMemorySize=64m";

    /**
     * Every 5 s the JVM hands the C heap's free pages back to the system: the JIT's arenas and other native
     * memory freed after start-up and load otherwise stay resident in glibc (11-27 MB less RSS per service after
     * a bulk ingest, bench/results/2026-11-30-fixes.md). Experimental in 17.0.9+ and 21.0.1+, a product flag from 22.
     */
    static final String TRIM_NATIVE_HEAP = " -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000";

    static String serviceJvmOptions(Runtime.Version jdk) {
        String configured = System.getProperty("bridgeway.service.jvm-options");
        if (configured != null) {
            return configured;
        }
        return trimsNativeHeap(jdk) ? SERVICE_JVM_OPTIONS + TRIM_NATIVE_HEAP : SERVICE_JVM_OPTIONS;
    }

    /** JDK-8293114 and its backports: an older JVM refuses to start with the flag. */
    static boolean trimsNativeHeap(Runtime.Version jdk) {
        return jdk.feature() >= 22
                || (jdk.feature() == 21 && jdk.update() >= 1)
                || (jdk.feature() == 17 && jdk.update() >= 9);
    }

    private final Map<String, Map<String, String>> extraEnv = new LinkedHashMap<>();
    private DemoTokens tokens;
    private Properties secrets;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private volatile boolean postgresStopped;
    private Supervisor supervisor;

    public Devstack(Layout layout) {
        this.layout = layout;
    }

    /** Sets an environment variable of one service (tuning for tests and benchmarks); call before start. */
    public Devstack withEnv(String module, String name, String value) {
        extraEnv.computeIfAbsent(module, m -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Devstack devstack = new Devstack(Layout.standard(root));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            devstack.close();
                            stopped.countDown();
                        },
                        "devstack-stop"));
        try {
            Files.createDirectories(devstack.layout.home());
            Files.writeString(
                    devstack.layout.home().resolve("devstack.pid"),
                    Long.toString(ProcessHandle.current().pid()));
            devstack.start();
            String demo = DemoSeed.run(devstack.gatewayUrl(), devstack.tokens());
            devstack.printSummary(demo);
            devstack.supervise();
            // Last: the launcher prints the log from the banner on as soon as this file exists.
            Files.writeString(
                    devstack.layout.home().resolve("ready"), Instant.now().toString());
        } catch (Exception e) {
            System.err.println("devstack: start failed: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    public void start() throws Exception {
        Path home = layout.home();
        Files.createDirectories(home.resolve("logs"));
        tokens = DemoTokens.loadOrCreate(home);
        secrets = secrets();
        log("starting PostgreSQL 17 on port " + layout.postgresPort());
        postgres = PostgresServer.start(home.resolve("postgres"), layout.postgresPort());
        log("starting Kafka (KRaft) on port " + layout.kafkaPort());
        kafka = KafkaBroker.start(home.resolve("kafka"), layout.kafkaPort(), "512m");
        for (Service service : SERVICES) {
            if (service.database() != null) {
                postgres.ensureDatabase(service.database());
            }
            running.put(service.module(), launch(service));
        }
        for (Service service : SERVICES) {
            awaitReady(service);
        }
    }

    public DemoTokens tokens() {
        return tokens;
    }

    public String url(String module) {
        return "http://localhost:" + layout.port(module);
    }

    public String gatewayUrl() {
        return url("gateway");
    }

    public Path logFile(String module) {
        return layout.home().resolve("logs").resolve(module + ".log");
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The process id of a running service (for resource measurements), or -1. */
    public long pid(String module) {
        Process process = running.get(module);
        return process == null ? -1 : process.pid();
    }

    /**
     * Watches every child from now on and restarts one that dies (see {@link Supervisor}); its
     * state is in {@code <home>/children}, which {@code ./bridgeway status} prints.
     */
    public synchronized Supervisor supervise() {
        if (supervisor == null) {
            supervisor = new Supervisor(this::supervisedChildren, layout.home().resolve("children")).start();
        }
        return supervisor;
    }

    private List<Supervisor.Child> supervisedChildren() {
        List<Supervisor.Child> children = new java.util.ArrayList<>();
        if (!postgresStopped && postgres != null) {
            children.add(child("postgresql", () -> postgresStopped || postgresAlive(), this::restartPostgres));
        }
        KafkaBroker broker = kafka;
        if (broker != null) {
            children.add(child("kafka", () -> !broker.crashed(), broker::start));
        }
        for (Service service : SERVICES) {
            Process process = running.get(service.module());
            if (process != null) {
                children.add(child(service.module(), process::isAlive, () -> relaunchIfStillWanted(service, process)));
            }
        }
        return children;
    }

    private interface Restart {
        void run() throws Exception;
    }

    private static Supervisor.Child child(String name, java.util.function.BooleanSupplier alive, Restart restart) {
        return new Supervisor.Child() {
            public String name() {
                return name;
            }

            public boolean alive() {
                return alive.getAsBoolean();
            }

            public void restart() throws Exception {
                restart.run();
            }
        };
    }

    private void relaunchIfStillWanted(Service service, Process dead) throws IOException {
        synchronized (running) {
            if (running.get(service.module()) == dead) {
                running.put(service.module(), launch(service));
            }
        }
    }

    /** The postmaster named in its pid file is alive: a local check that cannot hang. */
    private boolean postgresAlive() {
        try {
            String pid = Files.readAllLines(postgresData()).get(0).trim();
            return ProcessHandle.of(Long.parseLong(pid))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Path postgresData() {
        return layout.home().resolve("postgres").resolve("postmaster.pid");
    }

    private synchronized void restartPostgres() throws IOException {
        if (postgresStopped) {
            return;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException alreadyDead) {
                // it died: closing only releases the data directory's lock
            }
        }
        postgres = PostgresServer.start(layout.home().resolve("postgres"), layout.postgresPort());
    }

    /** Stops PostgreSQL as an outage would (its data kept); the services see connections refused. */
    public synchronized void stopPostgres() throws IOException {
        postgresStopped = true;
        postgres.close();
    }

    /** Starts PostgreSQL again on the same port and data after {@link #stopPostgres()}. */
    public synchronized void startPostgres() throws IOException {
        postgres = PostgresServer.start(layout.home().resolve("postgres"), layout.postgresPort());
        postgresStopped = false;
    }

    /**
     * Kills one service with SIGKILL, as a crash would, without telling the devstack: a
     * {@linkplain #supervise() supervised} devstack notices and starts it again.
     */
    public void crashService(String module) throws InterruptedException {
        Process process = running.get(module);
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Waits until a service answers ready again (after a crash or a restart). */
    public void awaitReady(String module) throws Exception {
        awaitReady(SERVICES.stream()
                .filter(s -> s.module().equals(module))
                .findFirst()
                .orElseThrow());
    }

    /** Stops one service as a crash or a deploy would, and waits until it is gone. */
    public void stopService(String module) throws InterruptedException {
        Process process = running.remove(module);
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts a stopped service again and waits until it is ready. */
    public void startService(String module) throws Exception {
        Service service = SERVICES.stream()
                .filter(s -> s.module().equals(module))
                .findFirst()
                .orElseThrow();
        running.put(module, launch(service));
        awaitReady(service);
    }

    private Process launch(Service service) throws IOException {
        Path jar = layout.root().resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IOException(jar + " is missing: run ./bridgeway build");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(layout.port(service.module())));
        env.put(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                layout.home().resolve("jwt-public.pem").toString());
        env.put("MP_JWT_VERIFY_ISSUER", DemoTokens.ISSUER);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        if (service.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        }
        env.put("BRIDGEWAY_UPSTREAMS_SCREENING_URL", url("screening-service"));
        env.put("BRIDGEWAY_UPSTREAMS_PARTNER_URL", url("partner-service"));
        env.put("BRIDGEWAY_UPSTREAMS_REFERRAL_URL", url("referral-service"));
        // referral-service's own credential for screening's audited identity disclosure. 12 h like every demo
        // token: the services refuse a token issued to live longer (smallrye.jwt.time-to-live, docs/security.md).
        env.put("BRIDGEWAY_REFERRAL_SCREENING_URL", url("screening-service"));
        env.put(
                "BRIDGEWAY_REFERRAL_SCREENING_TOKEN",
                tokens.token("referral-service").roles("referral-service").sign());
        secrets.forEach((key, value) -> env.put(key.toString(), value.toString()));
        // the demo's partners may point a webhook at a receiver on this machine (plain http to localhost)
        env.put("BRIDGEWAY_WEBHOOKS_ALLOW_LOCALHOST", "true");
        env.putAll(extraEnv.getOrDefault(service.module(), Map.of()));
        // glibc gives each thread that allocates its own 64 MB malloc arena; two are plenty for a service
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(serviceJvmOptions(Runtime.version()).trim().split("\\s+")));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(layout.root().resolve(service.module()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logFile(service.module()).toFile()));
        builder.environment().putAll(env);
        log("starting " + service.module() + " on port " + layout.port(service.module()));
        return builder.start();
    }

    /** Secrets the devstack generates once and keeps under its home (git-ignored). */
    private Properties secrets() throws IOException {
        Path file = layout.home().resolve("secrets.properties");
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                stored.load(in);
            }
        }
        SecureRandom random = new SecureRandom();
        boolean added = false;
        // a key added in a later version is generated into an existing home too; kept keys never change
        for (String key : List.of(
                "SCREENING_IDENTITY_ENCRYPTION_KEY", "SCREENING_IDENTITY_REF_KEY", "BRIDGEWAY_WEBHOOKS_SECRET_KEY")) {
            if (!stored.containsKey(key)) {
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                stored.setProperty(key, Base64.getEncoder().encodeToString(bytes));
                added = true;
            }
        }
        if (!added) {
            return stored;
        }
        try (var out = Files.newOutputStream(file)) {
            stored.store(out, "generated by the devstack; never commit");
        }
        return stored;
    }

    private void awaitReady(Service service) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create(url(service.module()) + "/q/health/ready");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            Process process = running.get(service.module());
            if (process == null || (!process.isAlive() && supervisor == null)) {
                throw new IOException(service.module() + " exited; see " + logFile(service.module()));
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    log(service.module() + " is ready");
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException(service.module() + " not ready after 120 s; see " + logFile(service.module()));
    }

    private void printSummary(String demo) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("\nBridgeway is up.\n")
                .append("  Gateway:     ")
                .append(gatewayUrl())
                .append("/api/v1\n")
                .append("  Swagger UI:  ")
                .append(gatewayUrl())
                .append("/q/swagger-ui\n")
                .append("  OpenAPI:     ")
                .append(gatewayUrl())
                .append("/q/openapi\n")
                .append("  Health:      ")
                .append(gatewayUrl())
                .append("/q/health/ready\n")
                .append("  Logs:        ")
                .append(layout.home().resolve("logs"))
                .append('\n')
                .append('\n')
                .append(demo)
                .append('\n')
                .append("\nDemo bearer tokens (12 h), also in .bridgeway/tokens.env:\n");
        StringBuilder env = new StringBuilder();
        for (Map.Entry<String, String> token : DemoSeed.tokens(tokens).entrySet()) {
            out.append("  ")
                    .append(token.getKey())
                    .append(": ")
                    .append(token.getValue())
                    .append('\n');
            env.append("TOKEN_")
                    .append(token.getKey().toUpperCase().replace('-', '_'))
                    .append('=')
                    .append(token.getValue())
                    .append('\n');
        }
        Files.writeString(layout.home().resolve("tokens.env"), env);
        out.append("\nTry:  source .bridgeway/tokens.env && curl -H \"Authorization: Bearer $TOKEN_ANALYST\" ")
                .append(gatewayUrl())
                .append("/api/v1/screening/boards/")
                .append(DemoSeed.BOARD)
                .append("/summary\n")
                .append("Stop: ./bridgeway down (or Ctrl-C when running in the foreground)\n");
        System.out.println(out);
        System.out.flush();
    }

    @Override
    public synchronized void close() {
        if (supervisor != null) {
            supervisor.close();
            supervisor = null;
        }
        List<String> modules = List.copyOf(running.keySet());
        for (int i = modules.size() - 1; i >= 0; i--) {
            running.get(modules.get(i)).destroy();
        }
        for (Process process : running.values()) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("devstack: stopping PostgreSQL: " + e.getMessage());
            }
            postgres = null;
        }
        try {
            Files.deleteIfExists(layout.home().resolve("ready"));
            Files.deleteIfExists(layout.home().resolve("children"));
            Files.deleteIfExists(layout.home().resolve("devstack.pid"));
        } catch (IOException ignored) {
            // best effort: the launcher checks the pid for liveness anyway
        }
        log("stopped");
    }

    static void log(String message) {
        System.out.println("devstack: " + message);
        System.out.flush();
    }
}
