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
 * The supervisor behind {@code ./bridgeway up}: starts PostgreSQL, Kafka and the four services as
 * child processes, waits until every one is ready, seeds the demo, prints how to reach it, and stops
 * everything it started when it is told to stop (Ctrl-C or {@code ./bridgeway down}).
 */
public final class Devstack {

    public static final int POSTGRES_PORT = 15432;
    public static final int KAFKA_PORT = 19092;

    /** The services in start order; the gateway last, since it reports its upstreams' health. */
    public static final List<Service> SERVICES = List.of(
            new Service("screening-service", 8081, "screening"),
            new Service("partner-service", 8082, "partner"),
            new Service("referral-service", 8083, "referral"),
            new Service("gateway", 8080, null));

    public record Service(String module, int port, String database) {
    }

    private final Path root;
    private final Path home;
    private final List<Process> services = new ArrayList<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;

    private Devstack(Path root) {
        this.root = root;
        this.home = root.resolve(".bridgeway");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Devstack devstack = new Devstack(root);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            devstack.stopAll();
            stopped.countDown();
        }, "devstack-stop"));
        try {
            devstack.startAll();
        } catch (Exception e) {
            System.err.println("devstack: start failed: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void startAll() throws Exception {
        Files.createDirectories(home.resolve("logs"));
        Files.deleteIfExists(home.resolve("ready"));
        Files.writeString(home.resolve("devstack.pid"), Long.toString(ProcessHandle.current().pid()));
        DemoTokens tokens = DemoTokens.loadOrCreate(home);
        Properties secrets = secrets();

        log("starting PostgreSQL 17 on port " + POSTGRES_PORT);
        postgres = PostgresServer.start(home.resolve("postgres"), POSTGRES_PORT);
        log("starting Kafka (KRaft) on port " + KAFKA_PORT);
        kafka = KafkaBroker.start(home.resolve("kafka"), KAFKA_PORT, "512m");

        for (Service service : SERVICES) {
            if (service.database() != null) {
                postgres.ensureDatabase(service.database());
            }
            services.add(launch(service, secrets));
        }
        for (Service service : SERVICES) {
            awaitReady(service);
        }
        DemoSeed.run(this, tokens);
        Files.writeString(home.resolve("ready"), Instant.now().toString());
        printSummary(tokens);
    }

    private Process launch(Service service, Properties secrets) throws IOException {
        Path jar = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IOException(jar + " is missing: run ./bridgeway build");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", home.resolve("jwt-public.pem").toString());
        env.put("MP_JWT_VERIFY_ISSUER", DemoTokens.ISSUER);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        if (service.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        }
        for (Service upstream : SERVICES) {
            String name = upstream.module().replace("-service", "").toUpperCase();
            env.put("BRIDGEWAY_UPSTREAMS_" + name + "_URL", "http://localhost:" + upstream.port());
        }
        secrets.forEach((key, value) -> env.put(key.toString(), value.toString()));

        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC",
                "-jar", jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.resolve(service.module()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("logs").resolve(service.module() + ".log").toFile());
        builder.environment().putAll(env);
        log("starting " + service.module() + " on port " + service.port());
        return builder.start();
    }

    /** Secrets the devstack generates once and keeps under .bridgeway/ (git-ignored). */
    private Properties secrets() throws IOException {
        Path file = home.resolve("secrets.properties");
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                secrets.load(in);
            }
            return secrets;
        }
        SecureRandom random = new SecureRandom();
        for (String key : List.of("SCREENING_IDENTITY_ENCRYPTION_KEY", "SCREENING_IDENTITY_REF_KEY")) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            secrets.setProperty(key, Base64.getEncoder().encodeToString(bytes));
        }
        try (var out = Files.newOutputStream(file)) {
            secrets.store(out, "generated by the devstack; never commit");
        }
        return secrets;
    }

    private void awaitReady(Service service) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create("http://localhost:" + service.port() + "/q/health/ready");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Process process = services.get(SERVICES.indexOf(service));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(service.module() + " exited; see .bridgeway/logs/" + service.module() + ".log");
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    log(service.module() + " is ready");
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IOException(service.module() + " not ready after 120 s; see .bridgeway/logs/" + service.module() + ".log");
    }

    private void printSummary(DemoTokens tokens) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("\nBridgeway is up.\n")
                .append("  Gateway:     http://localhost:8080/api/v1\n")
                .append("  Swagger UI:  http://localhost:8080/q/swagger-ui\n")
                .append("  Health:      http://localhost:8080/q/health/ready\n")
                .append("  Logs:        ").append(home.resolve("logs")).append('\n')
                .append("\nDemo bearer tokens (12 h), also in .bridgeway/tokens.env:\n");
        StringBuilder env = new StringBuilder();
        for (Map.Entry<String, String> token : demoTokens(tokens).entrySet()) {
            out.append("  ").append(token.getKey()).append(": ").append(token.getValue()).append('\n');
            env.append("TOKEN_").append(token.getKey().toUpperCase().replace('-', '_'))
                    .append('=').append(token.getValue()).append('\n');
        }
        Files.writeString(home.resolve("tokens.env"), env);
        out.append("\nTry:  source .bridgeway/tokens.env && curl -H \"Authorization: Bearer $TOKEN_ANALYST\" ")
                .append("http://localhost:8080/api/v1/screening/boards/").append(DemoSeed.BOARD).append("/summary\n")
                .append("Stop: ./bridgeway down (or Ctrl-C when running in the foreground)\n");
        System.out.println(out);
        System.out.flush();
    }

    static Map<String, String> demoTokens(DemoTokens tokens) {
        Map<String, String> byRole = new LinkedHashMap<>();
        byRole.put("sis", tokens.token("demo-sis").roles("sis").board(DemoSeed.BOARD).sign());
        byRole.put("school-staff", tokens.token("demo-staff").roles("school-staff").board(DemoSeed.BOARD)
                .schools(DemoSeed.SCHOOL).sign());
        byRole.put("coordinator", tokens.token("demo-coordinator").roles("coordinator").board(DemoSeed.BOARD).sign());
        byRole.put("partner", tokens.token("demo-partner").roles("partner").org(DemoSeed.PARTNER_ORG).sign());
        byRole.put("analyst", tokens.token("demo-analyst").roles("analyst").board(DemoSeed.BOARD).sign());
        byRole.put("admin", tokens.token("demo-admin").roles("admin").sign());
        return byRole;
    }

    private void stopAll() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).destroy();
        }
        for (Process process : services) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("devstack: stopping PostgreSQL: " + e.getMessage());
            }
        }
        try {
            Files.deleteIfExists(home.resolve("ready"));
            Files.deleteIfExists(home.resolve("devstack.pid"));
        } catch (IOException ignored) {
            // best effort: the pid file is checked for liveness anyway
        }
        log("stopped");
    }

    int gatewayPort() {
        return 8080;
    }

    static void log(String message) {
        System.out.println("devstack: " + message);
        System.out.flush();
    }
}
