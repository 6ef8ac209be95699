package org.bridgeway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bridgeway.devstack.Devstack;
import org.bridgeway.devstack.TempDirs;
import org.bridgeway.devstack.PostgresServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measures the suite against the targets of DESIGN.md §9, each side by side with its raw limit in
 * the same run, and prints a results table (also written to bench/results/latest.md).
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOARD = "bench-board";
    private static final String SCHOOL = "bench-school";

    private final Devstack suite;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(16, runnable -> {
                Thread thread = new Thread(runnable, "bench-http");
                thread.setDaemon(true);
                return thread;
            })).build();
    private final String sis;
    private final String coordinator;
    private final List<String> rows = new ArrayList<>();
    private List<String> studentRefs;
    private JsonNode instrument;
    private int nextStudent;

    private Bench(Devstack suite) {
        this.suite = suite;
        this.sis = suite.tokens().token("bench-sis").roles("sis").board(BOARD).sign();
        this.coordinator = suite.tokens().token("bench-coordinator").roles("coordinator").board(BOARD).sign();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("bridgeway-bench-");
        Devstack suite = new Devstack(Devstack.Layout.ephemeral(root, home))
                .withEnv("gateway", "BRIDGEWAY_RATE_LIMIT_ENABLED", "false");
        int exit = 1;
        try {
            suite.start();
            new Bench(suite).run(root);
            exit = 0;
        } catch (Exception e) {
            System.err.println("bench failed: " + e);
        } finally {
            suite.close();
            TempDirs.deleteQuietly(home);
        }
        System.exit(exit);
    }

    private void run(Path root) throws Exception {
        int students = Integer.getInteger("bench.students", 10_000);
        studentRefs = roster(students);
        instrument = read(send("GET", suite.gatewayUrl() + "/api/v1/screening/instruments/needs-survey/versions/1", sis, null).body());

        bulkIngest(Integer.getInteger("bench.bulkRows", 20_000));
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 10);
        submitAtRate("warm-up (via gateway)", suite.gatewayUrl(), rate, 3, false);
        Percentiles direct = submitAtRate("direct to screening-service", suite.url("screening-service"), rate, seconds, true);
        Percentiles gateway = submitAtRate("via gateway", suite.gatewayUrl(), rate, seconds, true);
        rows.add(row("gateway overhead at p50", "≤ 1 ms", String.format("%.2f ms (%.2f via gateway − %.2f direct)",
                gateway.p50() - direct.p50(), gateway.p50(), direct.p50()), gateway.p50() - direct.p50() <= 1.0));
        flaggedToCase(Integer.getInteger("bench.flagged", 200));
        readiness();
        memory();

        String table = "| what | target | measured | met |\n|---|---|---|---|\n" + String.join("\n", rows) + "\n";
        String report = "# Bench results " + Instant.now() + "\n\n" + Runtime.getRuntime().availableProcessors()
                + " cores, " + students + " students, rate " + rate + " req/s for " + seconds + " s per run, PostgreSQL fsync "
                + ("off".equals(System.getenv("BRIDGEWAY_PG_FSYNC")) ? "off" : "on")
                + "; load generator, PostgreSQL, Kafka and the four services share the machine\n\n" + table;
        System.out.println("\n" + report);
        Files.createDirectories(root.resolve("bench/results"));
        Files.writeString(root.resolve("bench/results/latest.md"), report);
    }

    private List<String> roster(int count) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schools").addObject().put("schoolId", SCHOOL).put("name", "Bench school");
        ArrayNode students = body.putArray("students");
        for (int i = 0; i < count; i++) {
            students.addObject().put("sisStudentId", "B-" + i).put("schoolId", SCHOOL).put("givenName", "G" + i)
                    .put("familyName", "F" + i).put("dateOfBirth", "2011-03-04").put("grade", 9);
        }
        HttpResponse<String> response = send("POST", suite.gatewayUrl() + "/api/v1/screening/boards/" + BOARD + "/roster", sis, body);
        expect(response, 200);
        List<String> refs = new ArrayList<>();
        read(response.body()).path("students").forEach(s -> refs.add(s.path("studentRef").asText()));
        return refs;
    }

    private ObjectNode response(String studentRef, LocalDate day, boolean severe, Random random) {
        ObjectNode row = JSON.createObjectNode().put("instrument", "needs-survey").put("version", 1)
                .put("studentRef", studentRef).put("schoolId", SCHOOL).put("administeredOn", day.toString());
        ObjectNode answers = row.putObject("answers");
        for (JsonNode item : instrument.path("items")) {
            int min = item.path("min").asInt();
            int max = item.path("max").asInt();
            int value = severe ? max : min + random.nextInt(2);
            answers.put(item.path("id").asText(), item.path("reverse").asBoolean() ? min + max - value : value);
        }
        return row;
    }

    /** Bulk ingest through the gateway vs raw JDBC batch inserts of the same rows into the same PostgreSQL. */
    private void bulkIngest(int count) throws Exception {
        Random random = new Random(1);
        ArrayNode batch = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            batch.add(response(studentRefs.get(i % studentRefs.size()), LocalDate.of(2026, 1, 1).plusDays(i / studentRefs.size()),
                    random.nextInt(10) == 0, random));
        }
        byte[] body = JSON.writeValueAsBytes(batch);
        long start = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl()
                                + "/api/v1/screening/boards/" + BOARD + "/batches"))
                        .header("Authorization", "Bearer " + sis).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(accepted, 202);
        String id = read(accepted.body()).path("id").asText();
        JsonNode state;
        do {
            Thread.sleep(100);
            state = read(send("GET", suite.gatewayUrl() + "/api/v1/screening/batches/" + id, sis, null).body());
        } while (!"completed".equals(state.path("status").asText()) && !"failed".equals(state.path("status").asText()));
        double serviceSeconds = (System.nanoTime() - start) / 1e9;
        double serviceRate = state.path("succeeded").asInt() / serviceSeconds;

        double rawRate;
        try (Connection c = DriverManager.getConnection(suite.postgres().jdbcUrl("screening"), PostgresServer.USER, PostgresServer.PASSWORD)) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_raw");
                s.execute("CREATE TABLE bench_raw (id uuid PRIMARY KEY, student_ref text NOT NULL, board_id text NOT NULL,"
                        + " school_id text NOT NULL, instrument_key text NOT NULL, instrument_version int NOT NULL,"
                        + " administered_on date NOT NULL, answers jsonb NOT NULL, flagged boolean NOT NULL,"
                        + " UNIQUE (student_ref, instrument_key, instrument_version, administered_on))");
            }
            c.setAutoCommit(false);
            long rawStart = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_raw VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
                int n = 0;
                for (JsonNode row : batch) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, row.path("studentRef").asText());
                    insert.setString(3, BOARD);
                    insert.setString(4, SCHOOL);
                    insert.setString(5, "needs-survey");
                    insert.setInt(6, 1);
                    insert.setObject(7, LocalDate.parse(row.path("administeredOn").asText()));
                    insert.setString(8, row.path("answers").toString());
                    insert.setBoolean(9, false);
                    insert.addBatch();
                    if (++n % 500 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            rawRate = count / ((System.nanoTime() - rawStart) / 1e9);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_raw");
            }
            c.commit();
        }
        rows.add(row("bulk ingest via gateway (score + store + outbox), " + count + " rows", "≥ 50% of raw JDBC",
                String.format("%.0f rows/s vs raw JDBC %.0f rows/s = %.0f%%", serviceRate, rawRate, 100 * serviceRate / rawRate),
                serviceRate >= 0.5 * rawRate));
    }

    /** Open-loop load: requests are scheduled at a fixed rate and timed from their scheduled start. */
    private Percentiles submitAtRate(String label, String base, int rate, int seconds, boolean report) throws Exception {
        int total = rate * seconds;
        double[] latencies = new double[total];
        int[] failures = new int[1];
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        Random random = new Random(label.hashCode());
        for (int i = 0; i < total; i++) {
            int index = i;
            String ref = studentRefs.get(nextStudent++ % studentRefs.size());
            LocalDate day = LocalDate.of(2026, 6, 1).plusDays(nextStudent / studentRefs.size());
            byte[] body = JSON.writeValueAsBytes(response(ref, day, random.nextInt(10) == 0, random));
            long due = start + index * periodNanos;
            CompletableFuture<Void> done = new CompletableFuture<>();
            pending.add(done);
            scheduler.schedule(() -> http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/screening/boards/" + BOARD + "/screenings"))
                                    .header("Authorization", "Bearer " + sis).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        latencies[index] = (System.nanoTime() - due) / 1e6;
                        if (error != null || response.statusCode() != 201) {
                            synchronized (failures) {
                                failures[0]++;
                            }
                        }
                        done.complete(null);
                    }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(seconds + 60L, TimeUnit.SECONDS);
        scheduler.shutdown();
        Percentiles p = Percentiles.of(latencies);
        if (report) {
            rows.add(row("single submit " + label + " at " + rate + " req/s (" + total + " requests, " + failures[0] + " failed)",
                    "p99 ≤ 20 ms", String.format("p50 %.2f, p95 %.2f, p99 %.2f, max %.1f ms", p.p50(), p.p95(), p.p99(), p.max()),
                    p.p99() <= 20 && failures[0] == 0));
        }
        return p;
    }

    /** From a flagged screening being stored to its case existing in referral-service (outbox, Kafka, consumer). */
    private void flaggedToCase(int count) throws Exception {
        Random random = new Random(3);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String ref = studentRefs.get(nextStudent++ % studentRefs.size());
            HttpResponse<String> created = send("POST", suite.gatewayUrl() + "/api/v1/screening/boards/" + BOARD + "/screenings", sis,
                    response(ref, LocalDate.of(2026, 9, 1).plusDays(nextStudent / studentRefs.size()), true, random));
            expect(created, 201);
            ids.add(read(created.body()).path("id").asText());
            Thread.sleep(50);
        }
        Instant deadline = Instant.now().plusSeconds(60);
        Map<String, Instant> opened = new java.util.HashMap<>();
        while (Instant.now().isBefore(deadline)) {
            opened.clear();
            opened.putAll(timestamps("referral", "SELECT screening_id::text, opened_at FROM referral_case WHERE board_id = '" + BOARD + "'"));
            if (opened.keySet().containsAll(ids)) {
                break;
            }
            Thread.sleep(200);
        }
        Map<String, Instant> stored = timestamps("screening", "SELECT id::text, created_at FROM screening WHERE board_id = '" + BOARD + "'");
        double[] latencies = ids.stream().filter(opened::containsKey)
                .mapToDouble(id -> Duration.between(stored.get(id), opened.get(id)).toNanos() / 1e6).toArray();
        Percentiles p = Percentiles.of(latencies);
        rows.add(row("flagged → case opened in referral-service (" + latencies.length + " of " + count + ")",
                "p95 ≤ 500 ms (to referral requested)", String.format("p50 %.0f, p95 %.0f, p99 %.0f ms", p.p50(), p.p95(), p.p99()),
                latencies.length == count && p.p95() <= 500));
    }

    private Map<String, Instant> timestamps(String database, String sql) throws Exception {
        Map<String, Instant> result = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(suite.postgres().jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getTimestamp(2).toInstant());
            }
        }
        return result;
    }

    /** Restart each service and time it from process start to ready. */
    private void readiness() throws Exception {
        for (Devstack.Service service : Devstack.SERVICES) {
            suite.stopService(service.module());
            long start = System.nanoTime();
            suite.startService(service.module());
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(row(service.module() + " start to ready", "≤ 2 s", String.format("%.2f s", seconds), seconds <= 2));
        }
    }

    /** Resident memory of each service after the load above (read from /proc). */
    private void memory() throws Exception {
        // The restarts above reset the services: load each once more so the figure is "after load".
        submitAtRate("reload", suite.gatewayUrl(), 100, 3, false);
        for (Devstack.Service service : Devstack.SERVICES) {
            long pid = suite.pid(service.module());
            long kb = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(-1);
            rows.add(row(service.module() + " RSS after load", "≤ 300 MB", String.format("%.0f MB", kb / 1024.0), kb / 1024.0 <= 300));
        }
    }

    private HttpResponse<String> send(String method, String url, String token, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static JsonNode read(String json) throws IOException {
        return JSON.readTree(json);
    }

    private static String row(String what, String target, String measured, boolean met) {
        return "| " + what + " | " + target + " | " + measured + " | " + (met ? "yes" : "**no**") + " |";
    }
}
