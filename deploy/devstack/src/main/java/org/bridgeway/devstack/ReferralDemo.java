package org.bridgeway.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The referral loop of the demo, through the gateway: the demo board dispatches automatically; the coordinator
 * validates the flagged cases on their suggested tier, so each is matched and referred; the demo partner rejects
 * one referral (it is re-routed to the next candidate) and completes another (its case closes).
 */
final class ReferralDemo {

    private static final String BOARD = DemoSeed.BOARD;

    private final String gateway;
    private final Map<String, String> tokens;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    ReferralDemo(String gateway, Map<String, String> tokens) {
        this.gateway = gateway;
        this.tokens = tokens;
    }

    /** The demo board sends validated cases to their best candidates itself. */
    void configure() throws IOException, InterruptedException {
        ObjectNode settings = json.createObjectNode()
                .put("dispatch", "auto")
                .put("validationRequired", true)
                .put("slaBusinessDays", 2);
        call("PUT", "/api/v1/referrals/boards/" + BOARD + "/settings", "coordinator", settings, null, 200);
    }

    /** @return what the loop did, for the printed summary */
    String run() throws IOException, InterruptedException {
        if (total("/api/v1/referrals/boards/" + BOARD + "/referrals?size=1", "coordinator") == 0) {
            validateOpenCases();
            awaitReferrals();
            String rejected = rejectOne();
            String completed = completeOne();
            return summary() + "\n  " + rejected + "\n  " + completed;
        }
        return summary();
    }

    private void validateOpenCases() throws IOException, InterruptedException {
        JsonNode open = call(
                "GET",
                "/api/v1/referrals/boards/" + BOARD + "/cases?status=open&size=200",
                "coordinator",
                null,
                null,
                200);
        for (JsonNode c : open.path("items")) {
            ObjectNode confirm = json.createObjectNode()
                    .put("decision", "confirm")
                    .put("tier", c.path("suggestedTier").asInt())
                    .put("note", "confirmed by the demo coordinator");
            call(
                    "POST",
                    "/api/v1/referrals/boards/" + BOARD + "/cases/"
                            + c.path("id").asText() + "/validation",
                    "coordinator",
                    confirm,
                    null,
                    200);
        }
    }

    private void awaitReferrals() throws InterruptedException, IOException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)
                && inbox("requested").path("totalItems").asLong() < 2) {
            Thread.sleep(250);
        }
    }

    private String rejectOne() throws IOException, InterruptedException {
        JsonNode referral = inbox("requested").path("items").path(0);
        if (referral.isMissingNode()) {
            return "No referral reached the demo partner's inbox, so none was rejected.";
        }
        JsonNode moved = transition(
                referral,
                json.createObjectNode()
                        .put("status", "rejected")
                        .put("reason", "at-capacity")
                        .put("note", "no place this month"));
        String caseId = moved.path("caseId").asText();
        JsonNode referrals = call(
                "GET",
                "/api/v1/referrals/boards/" + BOARD + "/cases/" + caseId + "/referrals",
                "coordinator",
                null,
                null,
                200);
        JsonNode next = referrals.path(referrals.size() - 1);
        return "Rejected (at-capacity) by " + referral.path("organizationName").asText() + ": case " + caseId
                + (next.path("id").asText().equals(referral.path("id").asText())
                        ? " needs attention (no candidate left)."
                        : " re-routed to " + next.path("organizationName").asText() + " ("
                                + next.path("serviceName").asText() + ").");
    }

    private String completeOne() throws IOException, InterruptedException {
        JsonNode referral = null;
        for (JsonNode candidate : call(
                        "GET", "/api/v1/referrals/inbox?status=requested&size=50", "partner", null, null, 200)
                .path("items")) {
            // a case with this one referral closes when it completes (a tier-4 case waits for its other referrals)
            if (call(
                                    "GET",
                                    "/api/v1/referrals/boards/" + BOARD + "/cases/"
                                            + candidate.path("caseId").asText() + "/referrals",
                                    "coordinator",
                                    null,
                                    null,
                                    200)
                            .size()
                    == 1) {
                referral = candidate;
                break;
            }
        }
        if (referral == null) {
            return "No single-referral case in the demo partner's inbox to complete.";
        }
        JsonNode accepted = transition(
                referral, json.createObjectNode().put("status", "accepted").put("note", "first visit booked"));
        transition(
                accepted,
                json.createObjectNode()
                        .put("status", "completed")
                        .put("outcome", "service-provided")
                        .put("note", "six family sessions"));
        JsonNode c = call(
                "GET",
                "/api/v1/referrals/boards/" + BOARD + "/cases/"
                        + referral.path("caseId").asText(),
                "coordinator",
                null,
                null,
                200);
        return "Accepted and completed (service-provided) by "
                + referral.path("organizationName").asText() + ": case "
                + c.path("id").asText() + " is " + c.path("status").asText()
                + (c.path("closureOutcome").isTextual()
                        ? " (" + c.path("closureOutcome").asText() + ")."
                        : ".");
    }

    private String summary() throws IOException, InterruptedException {
        String cases = "/api/v1/referrals/boards/" + BOARD + "/cases?size=1";
        String referrals = "/api/v1/referrals/boards/" + BOARD + "/referrals?size=1";
        return "  referral loop: cases " + total(cases, "coordinator") + " ("
                + total(cases + "&status=referred", "coordinator")
                + " referred, " + total(cases + "&status=closed", "coordinator") + " closed, "
                + total(cases + "&needsAttention=true", "coordinator") + " needing attention); referrals "
                + total(referrals, "coordinator") + " (" + total(referrals + "&status=requested", "coordinator")
                + " awaiting an answer, " + total(referrals + "&status=rejected", "coordinator")
                + " rejected and re-routed, "
                + total(referrals + "&status=completed", "coordinator") + " completed). Demo partner inbox: "
                + "GET /api/v1/referrals/inbox with $TOKEN_PARTNER.";
    }

    private JsonNode inbox(String status) throws IOException, InterruptedException {
        return call("GET", "/api/v1/referrals/inbox?status=" + status + "&size=5", "partner", null, null, 200);
    }

    private JsonNode transition(JsonNode referral, ObjectNode body) throws IOException, InterruptedException {
        return call(
                "POST",
                "/api/v1/referrals/referrals/" + referral.path("id").asText() + "/transitions",
                "partner",
                body,
                "\"" + referral.path("version").asInt() + "\"",
                200);
    }

    private long total(String path, String role) throws IOException, InterruptedException {
        return call("GET", path, role, null, null, 200).path("totalItems").asLong();
    }

    private JsonNode call(String method, String path, String role, JsonNode body, String ifMatch, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get(role))
                .header("Accept", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }
}
