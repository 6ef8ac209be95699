package org.bridgeway.screening.api;

import static io.restassured.RestAssured.given;
import static org.bridgeway.screening.Fixtures.as;
import static org.bridgeway.screening.Fixtures.sis;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.bridgeway.testing.TestInfra;
import org.junit.jupiter.api.Test;

/** Every error is RFC 9457 problem+json: auth, routing, media types and unreadable bodies. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String ROSTER = "/api/v1/screening/boards/b-problems/roster";

    @Test
    void noTokenIs401Problem() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .post(ROSTER)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void badTokensAre401Problem() {
        given().auth()
                .oauth2("not-a-jwt")
                .contentType(ContentType.JSON)
                .body("{}")
                .post(ROSTER)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        String foreignIssuer = TestInfra.token("x")
                .roles("sis")
                .board("b-problems")
                .issuer("https://evil.example")
                .sign();
        given().auth()
                .oauth2(foreignIssuer)
                .contentType(ContentType.JSON)
                .body("{}")
                .post(ROSTER)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        String expired = TestInfra.token("x")
                .roles("sis")
                .board("b-problems")
                .lifetime(Duration.ofMinutes(-10))
                .sign();
        given().auth()
                .oauth2(expired)
                .contentType(ContentType.JSON)
                .body("{}")
                .post(ROSTER)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void wrongRoleIs403Problem() {
        String analyst =
                TestInfra.token("a").roles("analyst").board("b-problems").sign();
        as(analyst)
                .body("{\"schools\":[],\"students\":[]}")
                .post(ROSTER)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void otherBoardIs403Problem() {
        as(sis("b-other"))
                .body("{\"schools\":[],\"students\":[]}")
                .post(ROSTER)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void unknownPathIs404Problem() {
        as(sis("b-problems"))
                .get("/api/v1/screening/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/definitely/not/here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodIs405Problem() {
        as(sis("b-problems")).delete(ROSTER).then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void wrongMediaTypeIs415Problem() {
        given().auth()
                .oauth2(sis("b-problems"))
                .contentType("application/xml")
                .body("<roster/>")
                .post(ROSTER)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aStreamedBodyToAJsonEndpointIs411Problem() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + "/api/v1/screening/boards/b-problems/screenings"))
                .header("Authorization", "Bearer " + sis("b-problems"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream("{\"instrument\":\"needs-survey\"}".getBytes())))
                .timeout(java.time.Duration.ofSeconds(10))
                .build();
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(411, response.statusCode(), response.body());
        org.junit.jupiter.api.Assertions.assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void malformedJsonIs400Problem() {
        as(sis("b-problems"))
                .body("{\"schools\": [")
                .post(ROSTER)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", notNullValue());
    }

    @Test
    void wrongTypeIs400WithTheField() {
        as(sis("b-problems"))
                .body("{\"schools\": \"many\", \"students\": []}")
                .post(ROSTER)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("schools"));
    }

    @Test
    void missingFieldsAre400WithFieldErrors() {
        as(sis("b-problems"))
                .body("{\"schools\":[{\"schoolId\":\"\"}],\"students\":[]}")
                .post(ROSTER)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("schools[0].schoolId"))
                .body("errors.field", hasItem("schools[0].name"));
    }
}
