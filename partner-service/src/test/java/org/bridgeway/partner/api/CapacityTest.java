package org.bridgeway.partner.api;

import static org.bridgeway.partner.Fixtures.SERVICES;
import static org.bridgeway.partner.Fixtures.admin;
import static org.bridgeway.partner.Fixtures.as;
import static org.bridgeway.partner.Fixtures.capacity;
import static org.bridgeway.partner.Fixtures.coordinatorOf;
import static org.bridgeway.partner.Fixtures.organization;
import static org.bridgeway.partner.Fixtures.partnerOf;
import static org.bridgeway.partner.Fixtures.service;
import static org.bridgeway.partner.Fixtures.serviceBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A partner keeps its own services' capacity current, with optimistic locking; never another organization's. */
@QuarkusTest
class CapacityTest {

    @Test
    void aPartnerUpdatesItsOwnCapacityWithTheETagItRead() {
        String org = organization("Capacity");
        String id = service(serviceBody(org, "Drop-in counselling", List.of("mental-health")));
        String path = SERVICES + "/" + id + "/capacity";
        String partner = partnerOf(org);

        String etag = as(partner)
                .get(path)
                .then()
                .statusCode(200)
                .body("available", equalTo(null))
                .extract()
                .header("ETag");
        as(partner)
                .header("If-Match", etag)
                .body(capacity(2, 8, "under-1-month"))
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("available", equalTo(2))
                .body("maximum", equalTo(8))
                .body("waitlist", equalTo("under-1-month"))
                .body("updatedAt", notNullValue());
        as(partner)
                .get(SERVICES + "/" + id)
                .then()
                .header("ETag", equalTo("\"2\""))
                .body("capacity.available", equalTo(2));

        as(partner)
                .header("If-Match", etag)
                .body(capacity(1, 8, "none"))
                .put(path)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        as(partner)
                .body(capacity(1, 8, "none"))
                .put(path)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        as(partner)
                .header("If-Match", "*")
                .body(capacity(1, 8, "none"))
                .put(path)
                .then()
                .statusCode(428);
        as(partner)
                .header("If-Match", "\"2\"")
                .body(capacity(9, 8, "none"))
                .put(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("available"));
        as(partner)
                .header("If-Match", "\"2\"")
                .body(Map.of("available", -1, "maximum", 8, "waitlist", "soon"))
                .put(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("waitlist"))
                .body("errors.field", hasItem("available"));
        as(admin())
                .header("If-Match", "W/\"2\"")
                .body(capacity(0, 8, "1-3-months"))
                .put(path)
                .then()
                .statusCode(200)
                .body("available", equalTo(0));
    }

    @Test
    void aPartnerCannotChangeAnotherOrganizationsCapacity() {
        String theirs = organization("Theirs");
        String id = service(serviceBody(theirs, "Their service", List.of("housing")));
        String path = SERVICES + "/" + id + "/capacity";
        String otherPartner = partnerOf(organization("Other"));
        as(otherPartner)
                .header("If-Match", "\"1\"")
                .body(capacity(5, 5, "none"))
                .put(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        String coordinator = coordinatorOf("b1");
        as(coordinator)
                .header("If-Match", "\"1\"")
                .body(capacity(5, 5, "none"))
                .put(path)
                .then()
                .statusCode(403);
        as(admin())
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("available", equalTo(null));
        as(otherPartner)
                .header("If-Match", "\"1\"")
                .body(capacity(5, 5, "none"))
                .put(SERVICES + "/" + java.util.UUID.randomUUID() + "/capacity")
                .then()
                .statusCode(404);
    }
}
