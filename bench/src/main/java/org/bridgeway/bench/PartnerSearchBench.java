package org.bridgeway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bridgeway.devstack.Devstack;
import org.bridgeway.devstack.PostgresServer;
import org.bridgeway.devstack.TempDirs;

/**
 * Partner search over 10,000 services through the gateway (DESIGN.md §9: p99 ≤ 20 ms). The directory is
 * written straight into partner-service's tables in one statement (so no 10,000 events load the rest of the
 * suite), then a rotating mix of realistic searches (needs any/all, school or region, age, grade, language,
 * capacity, free text, deeper pages) is sent by a few closed-loop clients after a warm-up.
 */
final class PartnerSearchBench {

    static final int SERVICES = 10_000;
    private static final int CLIENTS = 2;
    private static final int WARM_UP = 3_000;
    private static final int MEASURED = 6_000;
    private static final List<String> QUERIES = List.of(
            "need=housing&area=bench-school-7&age=14&status=active",
            "need=mental-health&need=family-support&grade=9&withCapacity=true",
            "need=food-security&language=pa&area=region-3",
            "q=program%20number%201234",
            "need=mentoring&need=school-engagement&needMatch=all&age=12",
            "area=region-5&size=50",
            "need=housing&page=3",
            "language=ar&withCapacity=true&grade=11");

    private final Devstack suite;
    private final List<String> rows;
    private final StringBuilder notes;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    PartnerSearchBench(Devstack suite, List<String> rows, StringBuilder notes) {
        this.suite = suite;
        this.rows = rows;
        this.notes = notes;
    }

    /** Only this scenario, on a throwaway suite of its own: {@code PartnerSearchBench [repository root]}. */
    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("bridgeway-bench-search-");
        Devstack suite = new Devstack(Devstack.Layout.ephemeral(
                        Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath(), home))
                .withEnv("gateway", "BRIDGEWAY_RATE_LIMIT_ENABLED", "false");
        try {
            suite.start();
            List<String> rows = new ArrayList<>();
            StringBuilder notes = new StringBuilder();
            new PartnerSearchBench(suite, rows, notes).run();
            rows.forEach(System.out::println);
            System.out.println(notes);
        } finally {
            suite.close();
            TempDirs.deleteQuietly(home);
        }
    }

    void run() throws Exception {
        seed();
        String token = suite.tokens()
                .token("bench-coordinator")
                .roles("coordinator")
                .board("bench-board")
                .sign();
        String gateway = suite.gatewayUrl();
        String direct = suite.url("partner-service");
        measure(gateway, token, WARM_UP);
        measure(direct, token, WARM_UP);
        double[][] viaByShape = measure(gateway, token, MEASURED);
        double[][] aloneByShape = measure(direct, token, MEASURED);
        Percentiles via = Percentiles.of(flatten(viaByShape));
        Percentiles alone = Percentiles.of(flatten(aloneByShape));
        StringBuilder shapes = new StringBuilder("Partner search by query shape, via gateway / direct (ms):");
        for (int q = 0; q < QUERIES.size(); q++) {
            Percentiles v = Percentiles.of(viaByShape[q]);
            Percentiles d = Percentiles.of(aloneByShape[q]);
            shapes.append(String.format(
                    "%n- `%s`: p50 %.2f / %.2f, p99 %.2f / %.2f", QUERIES.get(q), v.p50(), d.p50(), v.p99(), d.p99()));
        }
        notes.append(shapes).append("\n\n");
        rows.add(Bench.row(
                "partner search over " + SERVICES + " services via gateway (" + via.count() + " searches, "
                        + QUERIES.size() + " query shapes, " + CLIENTS + " closed-loop clients)",
                "p99 ≤ 20 ms",
                String.format(
                        "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (direct to the service: p50 %.2f, p99 %.2f ms)",
                        via.p50(), via.p95(), via.p99(), alone.p50(), alone.p99()),
                via.p99() <= 20));
    }

    private void seed() throws Exception {
        String needs =
                "ARRAY['family-support','housing','mental-health','school-engagement','food-security','mentoring']";
        try (Connection c = DriverManager.getConnection(
                        suite.postgres().jdbcUrl("partner"), PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = c.createStatement()) {
            statement.execute(
                    "INSERT INTO organization (id, name, created_at, updated_at) SELECT md5('bench-org-' || g)::uuid,"
                            + " 'Bench agency ' || g, now(), now() FROM generate_series(0, 499) g ON CONFLICT DO NOTHING");
            statement.execute(
                    "INSERT INTO service (id, organization_id, name, description, needs, min_age, max_age, min_grade,"
                            + " max_grade, languages, service_areas, status, available, maximum, waitlist, capacity_updated_at, version,"
                            + " created_at, updated_at) SELECT md5('bench-service-' || g)::uuid, md5('bench-org-' || (g % 500))::uuid,"
                            + " 'Bench service ' || g, 'Support program number ' || g || ' for '"
                            + " || (ARRAY['families','youth','students','newcomers'])[1 + g % 4],"
                            + " ARRAY[(" + needs + ")[1 + g % 6], (" + needs + ")[1 + (g / 6) % 6]]::varchar[],"
                            + " 10 + g % 5, 17 + g % 8, 6 + g % 3, 10 + g % 3,"
                            + " ARRAY['en', (ARRAY['fr','pa','es','ar','zh'])[1 + g % 5]]::varchar[],"
                            + " ARRAY['bench-school-' || (g % 40), 'region-' || (g % 8)]::varchar[],"
                            + " CASE WHEN g % 10 = 0 THEN 'inactive' ELSE 'active' END, g % 7, 10,"
                            + " (ARRAY['none','under-1-month','1-3-months','over-3-months'])[1 + g % 4], now(), 1, now(), now()"
                            + " FROM generate_series(1, " + SERVICES + ") g ON CONFLICT DO NOTHING");
            statement.execute("ANALYZE organization, service");
        }
    }

    /** Milliseconds per search by query shape, each client sending its next search when the previous one answered. */
    private double[][] measure(String base, String token, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int first = client;
                results.add(clients.submit(() -> client(base, token, first, count / CLIENTS)));
            }
            List<List<Double>> byShape = new ArrayList<>();
            QUERIES.forEach(q -> byShape.add(new ArrayList<>()));
            for (int client = 0; client < CLIENTS; client++) {
                double[] part = results.get(client).get();
                for (int i = 0; i < part.length; i++) {
                    byShape.get((client + i) % QUERIES.size()).add(part[i]);
                }
            }
            return byShape.stream()
                    .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray())
                    .toArray(double[][]::new);
        } finally {
            clients.shutdownNow();
        }
    }

    private static double[] flatten(double[][] byShape) {
        return java.util.Arrays.stream(byShape)
                .flatMapToDouble(java.util.Arrays::stream)
                .toArray();
    }

    private double[] client(String base, String token, int offset, int count) throws Exception {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(
                            base + "/api/v1/partners/services?" + QUERIES.get((offset + i) % QUERIES.size())))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
            }
        }
        return millis;
    }
}
