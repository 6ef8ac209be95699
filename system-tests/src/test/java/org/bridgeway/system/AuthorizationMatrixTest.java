package org.bridgeway.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bridgeway.devstack.DemoTokens;
import org.bridgeway.devstack.Devstack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every role against the board-scoped reads of the three services, on its own board and on
 * another, and against every write of the three services (POST, PUT) on objects in and out of its
 * scope (another school, another board, another partner organization): the expected allow or deny,
 * and no data in any denial. Forged tokens (expired, signed
 * by another key, {@code alg: none}, HS256 keyed with the public key, another issuer) are refused
 * at the gateway and at each service directly.
 */
class AuthorizationMatrixTest {

    private static final List<String> ROLES =
            List.of("sis", "school-staff", "coordinator", "partner", "analyst", "admin");
    /** Board-scoped reads and the roles each allows (from the services' @RolesAllowed). */
    private static final Map<String, Set<String>> READS = new LinkedHashMap<>();

    static {
        READS.put("/api/v1/screening/boards/{b}/screenings", Set.of("school-staff", "coordinator", "admin"));
        READS.put("/api/v1/screening/boards/{b}/students", Set.of("school-staff", "coordinator", "admin"));
        READS.put("/api/v1/screening/boards/{b}/summary", Set.of("analyst", "coordinator", "admin"));
        READS.put("/api/v1/screening/boards/{b}/funnel", Set.of("analyst", "coordinator", "admin"));
        READS.put("/api/v1/referrals/boards/{b}/cases", Set.of("school-staff", "coordinator", "admin"));
        READS.put("/api/v1/referrals/boards/{b}/outcomes", Set.of("analyst", "coordinator", "admin"));
        READS.put("/api/v1/referrals/boards/{b}/settings", Set.of("coordinator", "admin"));
        READS.put("/api/v1/referrals/boards/{b}/referrals", Set.of("coordinator", "admin"));
    }

    private static Api api;
    private static Contract contract;
    private static Devstack suite;

    @BeforeAll
    static void start() {
        suite = Suite.get();
        contract = Contract.of(suite);
        api = new Api(suite, contract);
    }

    @AfterAll
    static void contract() {
        contract.assertConforms("the authorization matrix");
    }

    @Test
    void everyRoleOnEveryBoardScopedReadOfItsOwnAndAnotherBoard() {
        Ledger.SCENARIOS.incrementAndGet();
        String own = "authz-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "authz-other-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> wrong = new ArrayList<>();
        for (String role : ROLES) {
            // Admins act across boards (their token names none); everyone else only within their token's board.
            boolean admin = role.equals("admin");
            var builder = suite.tokens()
                    .token("authz-" + role)
                    .roles(role)
                    .schools("s1")
                    .org(UUID.randomUUID().toString());
            String token = admin ? builder.sign() : builder.board(own).sign();
            for (Map.Entry<String, Set<String>> read : READS.entrySet()) {
                boolean allowed = read.getValue().contains(role);
                check(wrong, role, read.getKey(), own, api.as(token).get(read.getKey(), own), allowed);
                check(wrong, role, read.getKey(), other, api.as(token).get(read.getKey(), other), allowed && admin);
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " unexpected answers:\n  " + String.join("\n  ", wrong));
    }

    private static void check(
            List<String> wrong, String role, String path, String board, Response answer, boolean allowed) {
        int status = answer.statusCode();
        if (allowed && status != 200) {
            wrong.add(
                    role + " GET " + path + " on " + board + ": expected 200, got " + status + " " + answer.asString());
        }
        if (!allowed) {
            boolean denied =
                    (status == 403 || status == 404) && answer.contentType().startsWith("application/problem+json");
            boolean leaks =
                    answer.asString().contains("\"items\"") || answer.asString().contains("\"studentRef\"");
            if (!denied || leaks) {
                wrong.add(role + " GET " + path + " on " + board + ": expected a bare 403/404, got " + status + " "
                        + answer.asString());
            }
        }
    }

    /**
     * Every write (not the roster zip, FHIR or webhook endpoints) by every caller. Callers outside an operation's
     * roles, or whose board, school or organization does not cover the object, must get a bare 403/404; then the
     * first caller allowed makes it once, to show the object was within reach (any answer but a denial).
     */
    @Test
    void everyWriteByEveryCallerInAndOutOfScope() throws Exception {
        Ledger.SCENARIOS.incrementAndGet();
        ReferredBoard referred = new ReferredBoard(api, "authz-write", 1);
        String board = referred.board;
        String other = "authz-other-" + UUID.randomUUID().toString().substring(0, 8);
        String referral = referred.referrals.get(0);
        JsonNode aCase = Api.json(api.as(referred.coordinator)
                        .get("/api/v1/referrals/boards/{b}/cases", board)
                        .then()
                        .statusCode(200)
                        .extract()
                        .response())
                .path("items")
                .get(0);
        String caseId = aCase.path("id").asText();
        String ref = aCase.path("studentRef").asText();
        String school = aCase.path("schoolId").asText();
        var referralAnswer = api.as(referred.coordinator)
                .get("/api/v1/referrals/referrals/{r}", referral)
                .then()
                .statusCode(200)
                .extract()
                .response();
        String referralTag = referralAnswer.header("ETag");
        String service = Api.json(referralAnswer).path("serviceId").asText();
        String serviceTag = api.as(api.token("authz-admin", "admin", null))
                .get("/api/v1/partners/services/{s}", service)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        Map<String, String> callers = callers(board, other, school);
        String today = java.time.LocalDate.now().toString();
        List<Write> writes = List.of(
                new Write(
                        "POST",
                        "/api/v1/screening/boards/{b}/roster",
                        List.of(board),
                        rosterOf(school),
                        null,
                        List.of("sis", "admin")),
                new Write(
                        "PUT",
                        "/api/v1/screening/boards/{b}/students/{r}/consent",
                        List.of(board, ref),
                        "{\"status\":\"granted\",\"givenBy\":\"guardian\",\"scope\":[\"screening\",\"referral\"],"
                                + "\"givenOn\":\"" + today + "\"}",
                        null,
                        List.of("sis", "coordinator", "admin")),
                new Write(
                        "POST",
                        "/api/v1/screening/boards/{b}/screenings",
                        List.of(board),
                        "{\"instrument\":\"needs-survey\",\"version\":1,\"studentRef\":\"" + ref + "\",\"schoolId\":\""
                                + school + "\",\"administeredOn\":\"" + today + "\",\"answers\":{}}",
                        null,
                        List.of("sis", "admin")),
                new Write(
                        "POST",
                        "/api/v1/screening/screenings/{s}/review",
                        List.of(aCase.path("screeningId").asText()),
                        "{\"decision\":\"confirm\",\"tier\":2,\"knownToStaff\":false}",
                        null,
                        List.of("school-staff", "coordinator")),
                new Write(
                        "POST",
                        "/api/v1/screening/boards/{b}/students/{r}/identity-disclosures",
                        List.of(board, ref),
                        "{\"purpose\":\"authorization matrix\"}",
                        null,
                        List.of("coordinator", "admin")),
                new Write("POST", "/api/v1/screening/instruments", List.of(), "{}", null, List.of("admin")),
                new Write(
                        "PUT",
                        "/api/v1/partners/services/{s}/capacity",
                        List.of(service),
                        "{\"available\":3,\"maximum\":10,\"waitlist\":\"none\"}",
                        serviceTag,
                        List.of("partner", "admin")),
                new Write("POST", "/api/v1/partners/organizations", List.of(), "{}", null, List.of("admin")),
                new Write("POST", "/api/v1/partners/services", List.of(), "{}", null, List.of("admin")),
                new Write("POST", "/api/v1/partners/agreements", List.of(), "{}", null, List.of("admin")),
                new Write(
                        "PUT",
                        "/api/v1/referrals/boards/{b}/settings",
                        List.of(board),
                        "{\"dispatch\":\"manual\",\"validationRequired\":true,\"slaBusinessDays\":2}",
                        null,
                        List.of("coordinator", "admin")),
                new Write(
                        "POST",
                        "/api/v1/referrals/boards/{b}/cases/{c}/validation",
                        List.of(board, caseId),
                        "{\"decision\":\"confirm\",\"tier\":2}",
                        null,
                        List.of("coordinator", "school-staff", "admin")),
                new Write(
                        "POST",
                        "/api/v1/referrals/boards/{b}/cases/{c}/referrals",
                        List.of(board, caseId),
                        "{}",
                        null,
                        List.of("coordinator", "admin")),
                new Write(
                        "POST",
                        "/api/v1/referrals/referrals/{r}/transitions",
                        List.of(referral),
                        "{\"status\":\"accepted\"}",
                        referralTag,
                        List.of("partner", "coordinator", "school-staff", "admin")),
                new Write(
                        "POST",
                        "/api/v1/referrals/boards/{b}/cases/{c}/closure",
                        List.of(board, caseId),
                        "{\"outcome\":\"closed-by-coordinator\"}",
                        null,
                        List.of("coordinator", "admin")));

        List<String> wrong = new ArrayList<>();
        for (Write write : writes) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                if (!write.allowed().contains(caller.getKey())) {
                    checkDenied(wrong, caller.getKey(), write, send(write, caller.getValue()));
                }
            }
        }
        for (Write write : writes) {
            // Collection creations (admin only) are checked for their roles alone: their bodies are left empty.
            String first = write.allowed().get(0);
            if (!write.params().isEmpty()) {
                Response answer = send(write, callers.get(first));
                if (isDenial(answer.statusCode()) || answer.statusCode() >= 500) {
                    wrong.add(first + " " + write + ": in scope, yet " + answer.statusCode() + " " + answer.asString());
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " unexpected answers:\n  " + String.join("\n  ", wrong));
    }

    /** An operation, its target's path parameters and body, and the callers (keys of {@link #callers}) allowed. */
    private record Write(
            String method, String path, List<String> params, String body, String ifMatch, List<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * In scope: each role on the object's board, school and organization ("partner" is the referral's
     * organization). Out of scope: the same roles on another board, another school or another organization.
     */
    private Map<String, String> callers(String board, String other, String school) {
        String org = ReferredBoard.ORG;
        Map<String, String> callers = new LinkedHashMap<>();
        for (String role : List.of("sis", "school-staff", "coordinator", "analyst")) {
            callers.put(role, scoped(role, role, board, school, org));
            callers.put(role + " of another board", scoped(role + "-other-board", role, other, school, org));
        }
        callers.put(
                "school-staff of another school",
                scoped("school-staff-other-school", "school-staff", board, "another-school", org));
        callers.put("partner", scoped("partner", "partner", null, school, org));
        callers.put(
                "partner of another organization",
                scoped(
                        "partner-other-org",
                        "partner",
                        null,
                        school,
                        UUID.randomUUID().toString()));
        callers.put("admin", scoped("admin", "admin", null, school, org));
        return callers;
    }

    /** A token of its own subject, so each caller has its own rate-limit bucket at the gateway. */
    private static String scoped(String subject, String role, String board, String school, String org) {
        var token = suite.tokens()
                .token("authz-write-" + subject + "-"
                        + UUID.randomUUID().toString().substring(0, 6))
                .roles(role)
                .schools(school)
                .org(org);
        return board == null ? token.sign() : token.board(board).sign();
    }

    private static Response send(Write write, String token) {
        var request = api.as(token).body(write.body());
        if (write.ifMatch() != null) {
            request.header("If-Match", write.ifMatch());
        }
        return request.request(write.method(), write.path(), write.params().toArray())
                .then()
                .extract()
                .response();
    }

    private static boolean isDenial(int status) {
        return status == 401 || status == 403 || status == 404;
    }

    private static void checkDenied(List<String> wrong, String caller, Write write, Response answer) {
        String body = answer.asString();
        boolean denied = (answer.statusCode() == 403 || answer.statusCode() == 404)
                && answer.contentType().startsWith("application/problem+json");
        boolean leaks = List.of(
                        "\"items\"",
                        "\"studentRef\"",
                        "\"givenName\"",
                        "\"sisStudentId\"",
                        "\"serviceName\"",
                        "\"status\":\"")
                .stream()
                .anyMatch(body::contains);
        if (!denied || leaks) {
            wrong.add(caller + " " + write + ": expected a bare 403/404, got " + answer.statusCode() + " " + body);
        }
    }

    private static String rosterOf(String school) {
        String id = "AUTHZ-" + UUID.randomUUID().toString().substring(0, 8);
        return "{\"schools\":[{\"schoolId\":\"" + school + "\",\"name\":\"Riverside Secondary\"}],"
                + "\"students\":[{\"sisStudentId\":\"" + id + "\",\"schoolId\":\"" + school
                + "\",\"givenName\":\"Ada\",\"familyName\":\"Byron\",\"dateOfBirth\":\"2011-04-02\",\"grade\":9}]}";
    }

    @Test
    void forgedTokensAreRefusedAtTheGatewayAndAtEachServiceDirectly() throws Exception {
        Ledger.SCENARIOS.incrementAndGet();
        DemoTokens tokens = suite.tokens();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put(
                "expired",
                tokens.token("late")
                        .roles("admin")
                        .lifetime(java.time.Duration.ofHours(-1))
                        .sign());
        forged.put(
                "signed by another key",
                DemoTokens.generate().token("other").roles("admin").sign());
        forged.put("alg none", unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        forged.put(
                "HS256 keyed with the public key", hs256(tokens.publicKeyPem().getBytes(StandardCharsets.US_ASCII)));
        forged.put(
                "another issuer",
                tokens.token("elsewhere")
                        .roles("admin")
                        .issuer("https://evil.example/")
                        .sign());
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("gateway", suite.gatewayUrl() + "/api/v1/screening/boards/b/screenings");
        targets.put("screening-service", suite.url("screening-service") + "/api/v1/screening/boards/b/screenings");
        targets.put("partner-service", suite.url("partner-service") + "/api/v1/partners/agreements");
        targets.put("referral-service", suite.url("referral-service") + "/api/v1/referrals/boards/b/cases");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> token : forged.entrySet()) {
            for (Map.Entry<String, String> target : targets.entrySet()) {
                var request = target.getKey().equals("gateway") ? given().filter(contract) : given();
                Response answer = request.auth().oauth2(token.getValue()).get(target.getValue());
                if (answer.statusCode() != 401 || !answer.contentType().startsWith("application/problem+json")) {
                    wrong.add(token.getKey() + " at " + target.getKey() + ": " + answer.statusCode() + " "
                            + answer.asString());
                }
            }
        }
        assertTrue(wrong.isEmpty(), "forged tokens not refused with 401:\n  " + String.join("\n  ", wrong));
    }

    private static String claims() {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + DemoTokens.ISSUER + "\",\"aud\":\"" + DemoTokens.AUDIENCE
                + "\",\"sub\":\"forger\",\"upn\":\"forger\"," + "\"groups\":[\"admin\"],\"iat\":" + now + ",\"exp\":"
                + (now + 600) + "}";
    }

    private static String unsigned(String header) {
        return b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims().getBytes(StandardCharsets.UTF_8))
                + ".";
    }

    /** The key-confusion forgery: an HMAC keyed with the verifier's own public key. */
    private static String hs256(byte[] key) throws Exception {
        String signingInput = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims().getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return signingInput + "." + b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
