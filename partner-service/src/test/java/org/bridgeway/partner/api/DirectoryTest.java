package org.bridgeway.partner.api;

import static io.restassured.RestAssured.given;
import static org.bridgeway.partner.Fixtures.ORGANIZATIONS;
import static org.bridgeway.partner.Fixtures.SERVICES;
import static org.bridgeway.partner.Fixtures.admin;
import static org.bridgeway.partner.Fixtures.as;
import static org.bridgeway.partner.Fixtures.capacity;
import static org.bridgeway.partner.Fixtures.organization;
import static org.bridgeway.partner.Fixtures.partnerOf;
import static org.bridgeway.partner.Fixtures.service;
import static org.bridgeway.partner.Fixtures.serviceBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Organizations and services: create, read, update, deactivate; admin-only writes; bad input as 400 with fields. */
@QuarkusTest
class DirectoryTest {

    @Test
    void aServiceIsCreatedReadUpdatedAndDeactivatedButNeverDeleted() {
        String org = organization("Youth Services");
        Map<String, Object> body = serviceBody(org, "Family mediation", List.of("family-support"));
        body.put("minAge", 12);
        body.put("maxAge", 18);
        body.put(
                "contact",
                Map.of("email", "intake@example.org", "phone", "+1 555 0100", "url", "https://example.org/mediation"));
        body.put(
                "locations",
                List.of(Map.of(
                        "name",
                        "Main office",
                        "address1",
                        "1 Main St",
                        "city",
                        "Kelowna",
                        "stateProvince",
                        "BC",
                        "postalCode",
                        "V1Y 1A1",
                        "country",
                        "CA")));
        body.put("capacity", capacity(3, 10, "none"));
        String id = as(admin())
                .body(body)
                .post(SERVICES)
                .then()
                .statusCode(201)
                .header("Location", containsString(SERVICES + "/"))
                .header("ETag", equalTo("\"1\""))
                .body("organizationName", containsString("Youth Services"))
                .body("capacity.available", equalTo(3))
                .body("version", equalTo(1))
                .extract()
                .path("id");

        as(partnerOf(org))
                .get(SERVICES + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Family mediation"))
                .body("contact.email", equalTo("intake@example.org"))
                .body("locations[0].city", equalTo("Kelowna"))
                .body("locations[0].address1", equalTo("1 Main St"));

        body.put("name", "Family mediation and counselling");
        body.put("needs", List.of("family-support", "mental-health"));
        body.remove("capacity");
        as(admin())
                .header("If-Match", "\"1\"")
                .body(body)
                .put(SERVICES + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("needs", hasItems("family-support", "mental-health"))
                .body("capacity.available", equalTo(3));
        as(admin())
                .header("If-Match", "\"1\"")
                .body(body)
                .put(SERVICES + "/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");

        as(admin())
                .post(SERVICES + "/" + id + "/deactivate")
                .then()
                .statusCode(200)
                .body("status", equalTo("inactive"))
                .body("version", equalTo(3));
        as(admin())
                .post(SERVICES + "/" + id + "/deactivate")
                .then()
                .statusCode(200)
                .body("version", equalTo(3));
        as(admin()).delete(SERVICES + "/" + id).then().statusCode(405);
        as(admin()).get(SERVICES + "/" + id).then().statusCode(200).body("status", equalTo("inactive"));
    }

    @Test
    void organizationsAreListedWithTheirServicesAndARenameIsKept() {
        String org = organization("Community Health");
        String counselling = service(serviceBody(org, "Youth counselling", List.of("mental-health")));
        String peers = service(serviceBody(org, "Peer support", List.of("mentoring")));
        as(admin())
                .get(ORGANIZATIONS + "/" + org)
                .then()
                .statusCode(200)
                .body("services.id", hasItems(counselling, peers))
                .body("services", hasSize(2));
        as(admin())
                .body(Map.of("name", "Community Health Collective", "email", "hello@example.org"))
                .put(ORGANIZATIONS + "/" + org)
                .then()
                .statusCode(200)
                .body("name", equalTo("Community Health Collective"));
        as(admin())
                .get(SERVICES + "/" + counselling)
                .then()
                .body("organizationName", equalTo("Community Health Collective"))
                .body("version", equalTo(2));
        as(admin())
                .queryParam("size", 200)
                .get(ORGANIZATIONS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(org))
                .body("totalItems", greaterThanOrEqualTo(1));
    }

    @Test
    void anImporterMayKeepAnOrganizationsIdButNotTwice() {
        String id = UUID.randomUUID().toString();
        as(admin())
                .body(Map.of("id", id, "name", "Imported agency"))
                .post(ORGANIZATIONS)
                .then()
                .statusCode(201)
                .header("Location", containsString(id));
        as(admin())
                .body(Map.of("id", id, "name", "Imported agency"))
                .post(ORGANIZATIONS)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(admin())
                .body(Map.of("id", UUID.randomUUID().toString(), "name", "x"))
                .put(ORGANIZATIONS + "/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("id"));
    }

    @Test
    void aRepeatedCreationWithTheSameIdempotencyKeyAnswersTheFirstResult() {
        String org = organization("Idempotent");
        String key = "import-" + UUID.randomUUID();
        Map<String, Object> body = serviceBody(org, "Imported once", List.of("housing"));
        String first = as(admin())
                .header("Idempotency-Key", key)
                .body(body)
                .post(SERVICES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(admin())
                .header("Idempotency-Key", key)
                .body(body)
                .post(SERVICES)
                .then()
                .statusCode(201)
                .header("Location", containsString(first))
                .body("id", equalTo(first));
        body.put("name", "Imported twice");
        as(admin())
                .header("Idempotency-Key", key)
                .body(body)
                .post(SERVICES)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as(admin()).get(ORGANIZATIONS + "/" + org).then().body("services", hasSize(1));
    }

    @Test
    void theNeedVocabularyIsServedWithLabels() {
        as(partnerOf(UUID.randomUUID().toString()))
                .get("/api/v1/partners/needs")
                .then()
                .statusCode(200)
                .body(
                        "code",
                        hasItems(
                                "family-support",
                                "housing",
                                "mental-health",
                                "school-engagement",
                                "food-security",
                                "mentoring"))
                .body("find { it.code == 'housing' }.label", equalTo("Housing"));
    }

    @Test
    void invalidServiceIs400WithFieldErrors() {
        String org = organization("Validation");
        Map<String, Object> body = serviceBody(org, "", List.of("family-support", "astrology"));
        body.put("status", "open");
        body.put("minAge", 16);
        body.put("maxAge", 12);
        body.put("languages", List.of("english"));
        as(admin())
                .body(body)
                .post(SERVICES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("name", "status", "languages[0]"));
        body.put("name", "Named");
        body.put("status", "active");
        body.put("languages", List.of("xx"));
        as(admin())
                .body(body)
                .post(SERVICES)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("needs[1]", "maxAge", "languages[0]"));
        Map<String, Object> unknownOrg = serviceBody(UUID.randomUUID().toString(), "Orphan", List.of("housing"));
        as(admin())
                .body(unknownOrg)
                .post(SERVICES)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("organizationId"));
        Map<String, Object> badCapacity = serviceBody(org, "Over", List.of("housing"));
        badCapacity.put("capacity", capacity(5, 2, "sometimes"));
        as(admin())
                .body(badCapacity)
                .post(SERVICES)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("capacity.waitlist"));
        badCapacity.put("capacity", capacity(5, 2, "none"));
        as(admin())
                .body(badCapacity)
                .post(SERVICES)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("capacity.available"));
        Map<String, Object> badLocation = serviceBody(org, "Where", List.of("housing"));
        badLocation.put("locations", List.of(Map.of("name", "x", "latitude", 123.0, "country", "Canada")));
        as(admin())
                .body(badLocation)
                .post(SERVICES)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("locations[0].latitude", "locations[0].country"));
        as(admin()).body("{\"name\": ").post(SERVICES).then().statusCode(400).contentType("application/problem+json");
        as(admin()).get(SERVICES + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        as(admin())
                .get(SERVICES + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("status", equalTo(404));
    }

    @Test
    void onlyAdminsEditTheDirectory() {
        String org = organization("Guarded");
        String id = service(serviceBody(org, "Guarded service", List.of("housing")));
        String partner = partnerOf(org);
        as(partner)
                .body(Map.of("name", "x"))
                .post(ORGANIZATIONS)
                .then()
                .statusCode(403)
                .body("status", equalTo(403));
        as(partner)
                .body(serviceBody(org, "Mine", List.of("housing")))
                .post(SERVICES)
                .then()
                .statusCode(403);
        as(partner)
                .body(serviceBody(org, "Mine", List.of("housing")))
                .put(SERVICES + "/" + id)
                .then()
                .statusCode(403);
        as(partner).post(SERVICES + "/" + id + "/deactivate").then().statusCode(403);
        given().get(SERVICES + "/" + id)
                .then()
                .statusCode(401)
                .body("detail", equalTo("A valid bearer token is required."))
                .body("errors", nullValue());
    }

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }
}
