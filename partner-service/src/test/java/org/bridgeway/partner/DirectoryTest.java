package org.bridgeway.partner;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.bridgeway.events.CloudEvents;
import org.bridgeway.events.EventJson;
import org.bridgeway.events.ServiceUpserted;
import org.bridgeway.events.Topics;
import org.bridgeway.testing.TestInfra;
import org.bridgeway.testing.TestKafka;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DirectoryTest {

    private final String admin = TestInfra.token("admin").roles("admin").sign();

    @Test
    void aNewServiceIsStoredAndAnnouncedOnPartnerEvents() {
        String org = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Youth Services " + UUID.randomUUID()))
                .post("/api/v1/partners/organizations").then().statusCode(201).extract().path("id");
        String service = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("organizationId", org, "name", "Family mediation", "needs", List.of("family-support"),
                        "minAge", 12, "maxAge", 18, "status", "active"))
                .post("/api/v1/partners/services").then().statusCode(201)
                .header("Location", containsString("/api/v1/partners/services/"))
                .extract().path("id");

        given().auth().oauth2(admin).queryParam("need", "family-support").get("/api/v1/partners/services")
                .then().statusCode(200).body("items.id", hasItem(service));

        var records = TestKafka.readUntil(Topics.PARTNER, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> service.equals(r.key())));
        var record = records.stream().filter(r -> service.equals(r.key())).findFirst().orElseThrow();
        assertEquals("org.bridgeway.partner.ServiceUpserted.v1", TestKafka.header(record, CloudEvents.HEADER_TYPE));
        assertEquals("1.0", TestKafka.header(record, CloudEvents.HEADER_SPEC_VERSION));
        ServiceUpserted event = EventJson.read(record.value(), ServiceUpserted.class);
        assertEquals(List.of("family-support"), event.needs());
        assertEquals(UUID.fromString(org), event.organizationId());
    }

    @Test
    void invalidServiceIs400WithFieldErrorsAndNothingStored() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("organizationId", UUID.randomUUID().toString(), "name", "", "needs", List.of(), "status", "open"))
                .post("/api/v1/partners/services")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("status"))
                .body("errors.field", hasItem("needs"));
    }

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void onlyAdminsEditTheDirectory() {
        String partner = TestInfra.token("p").roles("partner").org("o1").sign();
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .post("/api/v1/partners/organizations").then().statusCode(403).body("status", equalTo(403));
    }
}
