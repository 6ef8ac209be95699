package org.bridgeway.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * another: the expected allow or deny, and no data in any denial. Forged tokens (expired, signed
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
