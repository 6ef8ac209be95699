package org.bridgeway.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeds the demo through the gateway, as an integrator would: a board with two schools and a
 * roster, consents, partner agencies and services, then a synthetic cohort pushed as one batch.
 * Every step is skipped when already done, so {@code up} can run it on every start.
 */
public final class DemoSeed {

    public static final String BOARD = "demo-board";
    public static final String SCHOOL = "demo-school-1";
    public static final String PARTNER_ORG = DirectorySeed.DEMO_YOUTH_SERVICES;
    private static final int STUDENTS = 150;

    private final String gateway;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens;

    private DemoSeed(String gateway, DemoTokens tokens) {
        this.gateway = gateway;
        this.tokens = tokens(tokens);
    }

    /** One demo token per role, scoped to the demo board and school. */
    public static Map<String, String> tokens(DemoTokens tokens) {
        Map<String, String> byRole = new LinkedHashMap<>();
        byRole.put("sis", tokens.token("demo-sis").roles("sis").board(BOARD).sign());
        byRole.put(
                "school-staff",
                tokens.token("demo-staff")
                        .roles("school-staff")
                        .board(BOARD)
                        .schools(SCHOOL)
                        .sign());
        byRole.put(
                "coordinator",
                tokens.token("demo-coordinator")
                        .roles("coordinator")
                        .board(BOARD)
                        .sign());
        byRole.put(
                "partner",
                tokens.token("demo-partner").roles("partner").org(PARTNER_ORG).sign());
        byRole.put(
                "analyst",
                tokens.token("demo-analyst").roles("analyst").board(BOARD).sign());
        byRole.put("admin", tokens.token("demo-admin").roles("admin").sign());
        return byRole;
    }

    /** @return a short, printable account of the demo data */
    public static String run(String gateway, DemoTokens tokens) throws IOException, InterruptedException {
        return new DemoSeed(gateway, tokens).seed();
    }

    private String seed() throws IOException, InterruptedException {
        Devstack.log("seeding the demo");
        List<String> refs = roster();
        consents(refs);
        new DirectorySeed((method, path, role, body, expected) -> call(
                                method, path, role, body == null ? null : json.readTree(body), expected)
                        .toString())
                .seed();
        ReferralDemo referrals = new ReferralDemo(gateway, tokens);
        referrals.configure();
        long flagged = cohort(refs);
        awaitCases(flagged);
        String loop = referrals.run();
        JsonNode summary = call("GET", "/api/v1/screening/boards/" + BOARD + "/summary", "analyst", null, 200);
        JsonNode cases = call("GET", "/api/v1/referrals/boards/" + BOARD + "/cases?size=1", "coordinator", null, 200);
        return "Demo: board " + BOARD + ", 2 schools, " + refs.size() + " students on the roster.\n"
                + "  screened " + cell(summary.path("screened")) + ", flagged " + cell(summary.path("flagged"))
                + ", referral cases opened " + cases.path("totalItems").asLong() + " (counts under 5 are suppressed).\n"
                + loop;
    }

    private List<String> roster() throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        ArrayNode schools = body.putArray("schools");
        schools.addObject().put("schoolId", SCHOOL).put("name", "Riverside Secondary");
        schools.addObject().put("schoolId", "demo-school-2").put("name", "Hillcrest Middle School");
        ArrayNode students = body.putArray("students");
        Random random = new Random(7);
        for (int i = 1; i <= STUDENTS; i++) {
            students.addObject()
                    .put("sisStudentId", String.format("DEMO-%04d", i))
                    .put("schoolId", i % 3 == 0 ? "demo-school-2" : SCHOOL)
                    .put("givenName", "Student" + i)
                    .put("familyName", "Demo")
                    .put(
                            "dateOfBirth",
                            LocalDate.of(2010 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28))
                                    .toString())
                    .put("grade", 7 + random.nextInt(4));
        }
        JsonNode result = call("POST", "/api/v1/screening/boards/" + BOARD + "/roster", "sis", body, 200);
        return json.convertValue(
                result.path("students").findValues("studentRef"),
                json.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private void consents(List<String> refs) throws IOException, InterruptedException {
        for (int i = 0; i < refs.size(); i += 3) {
            String path = "/api/v1/screening/boards/" + BOARD + "/students/" + refs.get(i) + "/consent";
            JsonNode history = call("GET", path, "sis", null, 200);
            if (history.isEmpty()) {
                ObjectNode consent =
                        json.createObjectNode().put("status", "granted").put("givenBy", "guardian");
                consent.putArray("scope").add("screening").add("referral").add("identity");
                call("PUT", path, "sis", consent, 200);
            }
        }
    }

    /** Pushes the cohort as one batch; returns how many were flagged (0 when it was pushed before). */
    private long cohort(List<String> refs) throws IOException, InterruptedException {
        if (call("GET", "/api/v1/screening/boards/" + BOARD + "/screenings?size=1", "coordinator", null, 200)
                        .path("totalItems")
                        .asLong()
                > 0) {
            return 0;
        }
        JsonNode instrument = call("GET", "/api/v1/screening/instruments/needs-survey/versions/1", "sis", null, 200);
        Random random = new Random(42);
        ArrayNode rows = json.createArrayNode();
        LocalDate administered = LocalDate.now().minusDays(3);
        for (int i = 0; i < refs.size(); i++) {
            double roll = random.nextDouble();
            double risk = roll < 0.62 ? 0.05 : roll < 0.85 ? 0.35 : 0.8;
            ObjectNode row = rows.addObject()
                    .put("instrument", "needs-survey")
                    .put("version", 1)
                    .put("studentRef", refs.get(i))
                    .put("schoolId", (i + 1) % 3 == 0 ? "demo-school-2" : SCHOOL)
                    .put("administeredOn", administered.toString());
            ObjectNode answers = row.putObject("answers");
            for (JsonNode item : instrument.path("items")) {
                int min = item.path("min").asInt();
                int max = item.path("max").asInt();
                double level = Math.max(0, Math.min(1, risk + random.nextGaussian() * 0.12));
                int value = min + (int) Math.round(level * (max - min));
                answers.put(item.path("id").asText(), item.path("reverse").asBoolean() ? min + max - value : value);
            }
        }
        JsonNode batch = call("POST", "/api/v1/screening/boards/" + BOARD + "/batches", "sis", rows, 202);
        String id = batch.path("id").asText();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            JsonNode state = call("GET", "/api/v1/screening/batches/" + id, "sis", null, 200);
            if (!"accepted".equals(state.path("status").asText())
                    && !"processing".equals(state.path("status").asText())) {
                return state.path("flagged").asLong();
            }
            Thread.sleep(300);
        }
        throw new IOException("the demo batch did not finish in 120 s");
    }

    /** Flagged screenings reach referral-service through Kafka; wait until each has its case. */
    private void awaitCases(long flagged) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (flagged > 0 && Instant.now().isBefore(deadline)) {
            if (call("GET", "/api/v1/referrals/boards/" + BOARD + "/cases?size=1", "coordinator", null, 200)
                            .path("totalItems")
                            .asLong()
                    >= flagged) {
                return;
            }
            Thread.sleep(250);
        }
    }

    private JsonNode call(String method, String path, String role, JsonNode body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + tokens.get(role))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }

    private static String cell(JsonNode cell) {
        return cell.has("count") ? cell.path("count").asText() : "<5";
    }
}
