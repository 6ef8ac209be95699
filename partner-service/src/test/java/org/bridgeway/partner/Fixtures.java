package org.bridgeway.partner;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.testing.TestInfra;

/** Tokens and directory entries for partner-service tests, made through the API as a client would. */
public final class Fixtures {

    public static final String SERVICES = "/api/v1/partners/services";
    public static final String ORGANIZATIONS = "/api/v1/partners/organizations";
    public static final String AGREEMENTS = "/api/v1/partners/agreements";

    private Fixtures() {}

    public static String admin() {
        return TestInfra.token("admin").roles("admin").sign();
    }

    public static String partnerOf(String organizationId) {
        return TestInfra.token("partner-" + organizationId)
                .roles("partner")
                .org(organizationId)
                .sign();
    }

    public static String coordinatorOf(String board) {
        return TestInfra.token("coordinator-" + board)
                .roles("coordinator")
                .board(board)
                .sign();
    }

    /** A token for each role of DESIGN.md §7, scoped to {@code board} and {@code organizationId}. */
    public static Map<String, String> everyRole(String board, String organizationId) {
        Map<String, String> tokens = new HashMap<>();
        tokens.put("sis", TestInfra.token("sis").roles("sis").board(board).sign());
        tokens.put(
                "school-staff",
                TestInfra.token("staff")
                        .roles("school-staff")
                        .board(board)
                        .schools("s1")
                        .sign());
        tokens.put("coordinator", coordinatorOf(board));
        tokens.put("partner", partnerOf(organizationId));
        tokens.put(
                "analyst",
                TestInfra.token("analyst").roles("analyst").board(board).sign());
        tokens.put("admin", admin());
        return tokens;
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A fresh, unique area code: tests that search filter on it see only their own services. */
    public static String uniqueArea() {
        return "region-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String organization(String name) {
        return as(admin())
                .body(Map.of("name", name + " " + UUID.randomUUID().toString().substring(0, 6)))
                .post(ORGANIZATIONS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A valid service body; put into the map to vary it. */
    public static Map<String, Object> serviceBody(String organizationId, String name, List<String> needs) {
        Map<String, Object> body = new HashMap<>();
        body.put("organizationId", organizationId);
        body.put("name", name);
        body.put("description", "Support for young people and their families.");
        body.put("needs", needs);
        body.put("languages", List.of("en"));
        body.put("serviceAreas", List.of("demo-school-1"));
        body.put("status", "active");
        return body;
    }

    public static String service(Map<String, Object> body) {
        return as(admin())
                .body(body)
                .post(SERVICES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Map<String, Object> capacity(int available, int maximum, String waitlist) {
        return Map.of("available", available, "maximum", maximum, "waitlist", waitlist);
    }

    public static Map<String, Object> agreementBody(
            String organizationId, String board, String from, String to, String status, List<String> scopes) {
        Map<String, Object> body = new HashMap<>();
        body.put("organizationId", organizationId);
        body.put("boardId", board);
        body.put("scopes", scopes);
        body.put("validFrom", from);
        body.put("validTo", to);
        body.put("status", status);
        return body;
    }

    public static String uniqueBoard() {
        return "board-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
