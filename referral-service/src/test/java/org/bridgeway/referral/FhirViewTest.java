package org.bridgeway.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.events.ScreeningFlagged;
import org.bridgeway.referral.api.fhir.R4Validation;
import org.bridgeway.referral.domain.ExpiryClock;
import org.bridgeway.testing.TestInfra;
import org.junit.jupiter.api.Test;

/**
 * The FHIR R4 view over real referrals: a Task in every state the loop reaches, its ServiceRequest and the
 * searchset, each valid against the R4 base specification and free of identity, to the same callers as the
 * referral views (another organization's Task is 404).
 */
@QuarkusTest
class FhirViewTest {

    private static final String FHIR = "/api/v1/referrals/fhir";
    /** What ScreeningStub discloses for every student: none of it may reach a FHIR resource. */
    private static final List<String> IDENTITY = List.of("Sam", "Lee", "2011-04-02", "S-1");

    @Inject
    ExpiryClock clock;

    @Test
    void everyStateAsAValidTaskWithItsServiceRequestAndNoIdentity() throws Exception {
        Fixtures f = Fixtures.newBoard();
        f.settings("auto", false);
        UUID a = f.partnerWithService("A Housing", List.of("housing"), 9, List.of("screening-summary", "identity"));
        UUID b = f.partnerWithService("B Housing", List.of("housing"), 2, List.of("screening-summary"));
        f.awaitPartners(2, 2);
        String student = "ref-" + UUID.randomUUID();
        f.consent(student, "granted");
        String partnerA = Fixtures.partner(a);
        String partnerB = Fixtures.partner(b);

        Object completed = referralTo(f, f.flag(student, List.of("housing"), 3), a);
        JsonPath requested = task(partnerA, completed);
        assertEquals("requested", requested.getString("status"));
        assertEquals("order", requested.getString("intent"));
        assertEquals("Organization/" + a, requested.getString("owner.reference"));
        assertEquals("Organization/board-" + f.board, requested.getString("requester.reference"));
        assertEquals("ServiceRequest/" + completed, requested.getString("focus.reference"));
        // a partner knows the student by an alias of its own, never the board's studentRef
        assertEquals("Patient/" + alias(a, student), requested.getString("for.reference"));
        given().auth()
                .oauth2(partnerA)
                .get("/api/v1/referrals/referrals/{id}/student", completed)
                .then()
                .statusCode(200)
                .body("givenName", equalTo("Sam"));
        for (String state : List.of("accepted", "in-progress", "on-hold", "in-progress")) {
            move(f, partnerA, completed, Map.of("status", state));
            assertEquals(state, task(partnerA, completed).getString("status"));
        }
        move(f, partnerA, completed, Map.of("status", "completed", "outcome", "service-provided"));
        JsonPath done = task(partnerA, completed);
        assertEquals("completed", done.getString("status"));
        assertEquals("service-provided", done.getString("output[0].valueCodeableConcept.coding[0].code"));
        JsonPath request = serviceRequest(partnerA, completed);
        assertEquals("completed", request.getString("status"));
        assertEquals("housing-instability", request.getString("category[0].coding[0].code"));
        assertEquals("housing", request.getString("code.coding[0].code"));
        assertEquals("Patient/" + alias(a, student), request.getString("subject.reference"));

        Object rejected = referralTo(f, f.flag(student, List.of("housing"), 3), a);
        move(f, partnerA, rejected, Map.of("status", "rejected", "reason", "at-capacity"));
        JsonPath rejection = task(partnerA, rejected);
        assertEquals("rejected", rejection.getString("status"));
        assertEquals("at-capacity", rejection.getString("statusReason.coding[0].code"));
        Object failed = f.referralsOf(caseOf(f, rejected)).get(1).get("id");
        move(f, partnerB, failed, Map.of("status", "accepted"));
        move(f, partnerB, failed, Map.of("status", "failed"));
        assertEquals("failed", task(partnerB, failed).getString("status"));

        Object cancelled = referralTo(f, f.flag(student, List.of("housing"), 3), a);
        move(f, f.coordinator(), cancelled, Map.of("status", "cancelled"));
        JsonPath cancellation = task(f.coordinator(), cancelled);
        assertEquals("cancelled", cancellation.getString("status"));
        // the board's own staff know the student by the board's studentRef
        assertEquals("Patient/" + student, cancellation.getString("for.reference"));
        assertEquals("revoked", serviceRequest(f.coordinator(), cancelled).getString("status"));

        Object expired = referralTo(f, f.flag(student, List.of("housing"), 3), a);
        Object expiredCase = caseOf(f, expired);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            clock.expireDue(Instant.now().plus(Duration.ofDays(5)));
            return f.referralsOf(expiredCase).size() == 2;
        });
        JsonPath expiry = task(partnerA, expired);
        assertEquals("cancelled", expiry.getString("status"));
        assertEquals("expired", expiry.getString("statusReason.coding[0].code"));
        assertEquals("expired", expiry.getString("businessStatus.coding[0].code"));
    }

    @Test
    void anotherOrganizationsTaskIsNotFoundAndTheSearchKeepsToTheCallersReach() {
        Fixtures f = Fixtures.newBoard();
        f.settings("auto", false);
        UUID a = f.partnerWithService("A Food", List.of("food-security"), 9, List.of("screening-summary"));
        UUID b = f.partnerWithService("B Food", List.of("food-security"), 2, List.of("screening-summary"));
        f.awaitPartners(2, 2);
        String partnerA = Fixtures.partner(a);
        String partnerB = Fixtures.partner(b);
        Object first = referralTo(f, f.flag("ref-" + UUID.randomUUID(), List.of("food-security"), 2), a);
        Object second = referralTo(f, f.flag("ref-" + UUID.randomUUID(), List.of("food-security"), 2), a);
        move(f, partnerA, second, Map.of("status", "accepted"));

        for (String path : List.of("/Task/{id}", "/ServiceRequest/{id}")) {
            given().auth()
                    .oauth2(partnerB)
                    .get(FHIR + path, first)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(f.staff("another-school"))
                    .get(FHIR + path, first)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            given().get(FHIR + path, first).then().statusCode(401).contentType("application/problem+json");
            given().auth()
                    .oauth2(TestInfra.token("analyst")
                            .roles("analyst")
                            .board(f.board)
                            .sign())
                    .get(FHIR + path, first)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        assertEquals("requested", task(f.staff(f.school), first).getString("status"));
        given().auth()
                .oauth2(partnerB)
                .queryParam("owner", "Organization/" + a)
                .get(FHIR + "/Task")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertEquals(0, search(partnerB, Map.of()).getInt("total"));

        JsonPath own = search(partnerA, Map.of("owner", "Organization/" + a, "_count", 1));
        assertEquals(2, own.getInt("total"));
        assertEquals(first.toString(), own.getString("entry[0].resource.id"));
        String next = own.getString("link.find { it.relation == 'next' }.url");
        JsonPath page2 = JsonPath.from(valid(given().auth()
                .oauth2(partnerA)
                .urlEncodingEnabled(false)
                .get(next)
                .then()
                .statusCode(200)
                .extract()
                .asString()));
        assertEquals(second.toString(), page2.getString("entry[0].resource.id"));
        assertEquals(0, page2.getList("link.findAll { it.relation == 'next' }").size());

        assertEquals(
                List.of(second.toString()),
                search(partnerA, Map.of("status", "accepted,in-progress")).getList("entry.resource.id"));
        String changed = task(partnerA, second).getString("meta.lastUpdated");
        assertEquals(
                0,
                search(
                                partnerA,
                                Map.of(
                                        "_lastUpdated",
                                        "gt" + Instant.parse(changed).plusSeconds(1)))
                        .getInt("total"));
        assertEquals(
                2,
                search(partnerA, Map.of("_lastUpdated", "gt" + Instant.now().minus(Duration.ofHours(1))))
                        .getInt("total"));
        JsonPath board = search(f.coordinator(), Map.of("owner", "Organization/" + a));
        assertEquals(2, board.getInt("total"));
        given().auth()
                .oauth2(partnerA)
                .queryParam("_lastUpdated", "yesterday")
                .queryParam("_count", 0)
                .get(FHIR + "/Task")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("_lastUpdated"))
                .body("errors.field", hasItem("_count"));
        given().auth()
                .oauth2(partnerA)
                .accept("application/json")
                .get(FHIR + "/Task/{id}", first)
                .then()
                .statusCode(200)
                .contentType("application/json");
    }

    @Test
    void theOpenApiDocumentDeclaresEachFhirAnswerWithItsMediaType() {
        JsonPath paths = JsonPath.from(given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        for (String path : List.of("/Task/{id}", "/ServiceRequest/{id}", "")) {
            String responses = "paths.'" + FHIR + (path.isEmpty() ? "/Task" : path) + "'.get.responses";
            assertTrue(
                    paths.getMap(responses).keySet().containsAll(List.of("200", "401", "403")),
                    path + " " + paths.getMap(responses).keySet());
            assertTrue(paths.getMap(responses + ".'200'.content").containsKey("application/fhir+json"), path);
            assertTrue(paths.getMap(responses + ".'403'.content").containsKey("application/problem+json"), path);
        }
        assertTrue(paths.getMap("paths.'" + FHIR + "/Task/{id}'.get.responses").containsKey("404"));
        assertTrue(paths.getMap("paths.'" + FHIR + "/Task'.get.responses").containsKey("400"));
        assertEquals(List.of("Task"), paths.getList("components.schemas.FhirTask.properties.resourceType.enum"));
    }

    private static Object referralTo(Fixtures f, ScreeningFlagged flagged, UUID organization) {
        Object caseId = f.awaitCase(flagged).get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> f.referralsOf(caseId).size() == 1);
        Map<String, Object> referral = f.referralsOf(caseId).get(0);
        assertEquals(organization.toString(), referral.get("organizationId"));
        return referral.get("id");
    }

    private static Object caseOf(Fixtures f, Object referral) {
        return given().auth()
                .oauth2(f.coordinator())
                .get("/api/v1/referrals/referrals/{id}", referral)
                .then()
                .statusCode(200)
                .extract()
                .path("caseId");
    }

    private static void move(Fixtures f, String token, Object referral, Map<String, Object> body) {
        f.transition(token, referral, Fixtures.etag(token, referral), body).statusCode(200);
    }

    private static JsonPath task(String token, Object referral) {
        return read(token, "/Task/{id}", referral);
    }

    private static JsonPath serviceRequest(String token, Object referral) {
        return read(token, "/ServiceRequest/{id}", referral);
    }

    private static JsonPath search(String token, Map<String, Object> parameters) {
        JsonPath bundle = JsonPath.from(valid(given().auth()
                .oauth2(token)
                .queryParams(parameters)
                .get(FHIR + "/Task")
                .then()
                .statusCode(200)
                .contentType("application/fhir+json")
                .extract()
                .asString()));
        assertEquals("searchset", bundle.getString("type"));
        List<String> changes = bundle.getList("entry.resource.meta.lastUpdated");
        if (changes != null) {
            assertEquals(changes.stream().sorted().toList(), changes, "oldest change first");
        }
        return bundle;
    }

    private static JsonPath read(String token, String path, Object referral) {
        String json = given().auth()
                .oauth2(token)
                .get(FHIR + path, referral)
                .then()
                .statusCode(200)
                .contentType("application/fhir+json")
                .extract()
                .asString();
        JsonPath resource = JsonPath.from(valid(json));
        assertEquals(referral.toString(), resource.getString("id"));
        return resource;
    }

    /** Valid R4 with zero errors, and none of the student's identity anywhere in it. */
    private static String valid(String json) {
        R4Validation.assertValid(json);
        for (String identity : IDENTITY) {
            assertFalse(json.contains(identity), () -> "identity '" + identity + "' in " + json);
        }
        return json;
    }

    private static String alias(UUID organization, String studentRef) throws Exception {
        String alias = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest((organization + ":" + studentRef).getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(studentRef, alias);
        assertTrue(alias.length() == 64);
        return alias;
    }
}
