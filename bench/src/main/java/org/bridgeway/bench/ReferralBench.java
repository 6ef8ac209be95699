package org.bridgeway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.devstack.Devstack;
import org.bridgeway.devstack.PostgresServer;

/**
 * Flagged → referral {@code requested} in the partner's inbox. The bench board dispatches on its own
 * ({@code dispatch: auto}, no validation), one partner organization serves every need at the bench schools
 * under an agreement; each flagged screening is timed from its row in screening-service to the commit of its
 * referral in referral-service (the moment the partner's inbox lists it): outbox relay, Kafka, case, matching,
 * referral and its own outbox row. The board goes back to manual dispatch afterwards.
 */
final class ReferralBench {

    private static final List<String> NEEDS =
            List.of("family-support", "housing", "mental-health", "food-security", "school-engagement");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Devstack suite;
    private final String board;
    private final List<String> schools;
    private final String admin;
    private final String coordinator;
    private final HttpClient http = HttpClient.newHttpClient();
    private UUID organization;
    private String tenths = "";

    ReferralBench(Devstack suite, String board, List<String> schools) {
        this.suite = suite;
        this.board = board;
        this.schools = schools;
        this.admin = suite.tokens().token("bench-admin").roles("admin").sign();
        this.coordinator = suite.tokens()
                .token("bench-coordinator")
                .roles("coordinator")
                .board(board)
                .sign();
    }

    /** A partner for every need, an agreement with the board, and the board on automatic dispatch. */
    void prepare() throws Exception {
        organization = UUID.randomUUID();
        post(
                "/api/v1/partners/organizations",
                JSON.createObjectNode()
                        .put("id", organization.toString())
                        .put("name", "Bench Youth Services")
                        .put("description", "Serves every need for the bench.")
                        .put("email", "intake@bench.example.org"),
                admin,
                201);
        ObjectNode service = JSON.createObjectNode()
                .put("organizationId", organization.toString())
                .put("name", "Bench wraparound")
                .put("description", "Every need, every bench school.")
                .put("minAge", 5)
                .put("maxAge", 24)
                .put("status", "active")
                .put("eligibility", "Young people.");
        NEEDS.forEach(service.putArray("needs")::add);
        service.putArray("languages").add("en");
        schools.forEach(service.putArray("serviceAreas")::add);
        service.putObject("capacity")
                .put("available", 10_000)
                .put("maximum", 10_000)
                .put("waitlist", "none");
        post("/api/v1/partners/services", service, admin, 201);
        ObjectNode agreement = JSON.createObjectNode()
                .put("organizationId", organization.toString())
                .put("boardId", board)
                .put("validFrom", "2020-01-01")
                .put("status", "active");
        agreement.putArray("scopes").add("screening-summary");
        post("/api/v1/partners/agreements", agreement, admin, 201);
        send(
                "PUT",
                "/api/v1/referrals/boards/" + board + "/settings",
                JSON.createObjectNode()
                        .put("dispatch", "auto")
                        .put("validationRequired", false)
                        .put("slaBusinessDays", 2),
                coordinator,
                200);
        Instant deadline = Instant.now().plusSeconds(60);
        while (!readModelHasPartner() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    /** The table row for the screenings submitted after {@link #prepare()}. */
    String row(List<UUID> screenings, int rate) throws Exception {
        Percentiles p = storedToRequested(screenings, Duration.ofSeconds(60));
        // the later phases measure case opening alone
        send(
                "PUT",
                "/api/v1/referrals/boards/" + board + "/settings",
                JSON.createObjectNode()
                        .put("dispatch", "manual")
                        .put("validationRequired", true)
                        .put("slaBusinessDays", 2),
                coordinator,
                200);
        return Bench.row(
                "flagged → referral requested in the partner's inbox (board on dispatch auto), " + p.count() + " of "
                        + screenings.size() + " flagged at " + rate + "/s",
                "p95 ≤ 150 ms",
                String.format("p50 %.0f, p95 %.0f, p99 %.0f ms", p.p50(), p.p95(), p.p99()),
                p.count() == screenings.size() && p.p95() <= 150);
    }

    /** p50 of flagged → requested per tenth of the sends, in send order (after {@link #row}). */
    String tenths() {
        return tenths;
    }

    private Percentiles storedToRequested(List<UUID> screenings, Duration wait) throws Exception {
        Instant deadline = Instant.now().plus(wait);
        Map<UUID, Instant> requested;
        do {
            Thread.sleep(250);
            requested = times(
                    "referral",
                    "SELECT c.screening_id, min(r.requested_at) FROM referral r"
                            + " JOIN referral_case c ON c.id = r.case_id WHERE c.board_id = ? AND c.screening_id = ANY (?)"
                            + " AND r.organization_id = '" + organization + "' GROUP BY c.screening_id",
                    screenings);
        } while (requested.size() < screenings.size() && Instant.now().isBefore(deadline));
        Map<UUID, Instant> stored = times(
                "screening",
                "SELECT id, created_at FROM screening WHERE board_id = ?" + " AND id = ANY (?)",
                screenings);
        Map<UUID, Instant> sent = requested;
        double[] inSendOrder = screenings.stream()
                .filter(sent::containsKey)
                .mapToDouble(
                        id -> Duration.between(stored.get(id), sent.get(id)).toNanos() / 1e6)
                .toArray();
        tenths = Percentiles.byTenths(inSendOrder);
        return Percentiles.of(inSendOrder);
    }

    private boolean readModelHasPartner() throws Exception {
        try (Connection c = connect("referral");
                PreparedStatement query =
                        c.prepareStatement("SELECT (SELECT count(*) FROM partner_service WHERE organization_id = ?)"
                                + " + (SELECT count(*) FROM partner_agreement WHERE organization_id = ?)")) {
            query.setObject(1, organization);
            query.setObject(2, organization);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getLong(1) >= 2;
            }
        }
    }

    private Map<UUID, Instant> times(String database, String sql, List<UUID> ids) throws Exception {
        Map<UUID, Instant> times = new HashMap<>();
        try (Connection c = connect(database);
                PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, board);
            query.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return times;
    }

    private Connection connect(String database) throws Exception {
        return DriverManager.getConnection(
                suite.postgres().jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    private void post(String path, ObjectNode body, String token, int expected)
            throws IOException, InterruptedException {
        send("POST", path, body, token, expected);
    }

    private void send(String method, String path, ObjectNode body, String token, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
