package org.bridgeway.partner.api;

import static org.bridgeway.partner.Fixtures.SERVICES;
import static org.bridgeway.partner.Fixtures.admin;
import static org.bridgeway.partner.Fixtures.as;
import static org.bridgeway.partner.Fixtures.capacity;
import static org.bridgeway.partner.Fixtures.organization;
import static org.bridgeway.partner.Fixtures.partnerOf;
import static org.bridgeway.partner.Fixtures.service;
import static org.bridgeway.partner.Fixtures.serviceBody;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HSDS 3.x export: every exported object follows the specification's rules; paging and delta sync work. */
@QuarkusTest
class HsdsExportTest {

    private static final String HSDS = "/api/v1/hsds";
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode get(String token, String path) {
        try {
            return json.readTree(
                    as(token).get(path).then().statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String richService(String org) {
        Map<String, Object> body = serviceBody(org, "Youth housing outreach", List.of("housing", "family-support"));
        body.put("status", "temporarily-closed");
        body.put("minAge", 12);
        body.put("maxAge", 19);
        body.put("minGrade", 7);
        body.put("maxGrade", 12);
        body.put("eligibility", "Young people at risk of losing their home.");
        body.put("languages", List.of("en", "fr"));
        body.put("serviceAreas", List.of("demo-school-1", "region-okanagan"));
        body.put(
                "contact",
                Map.of(
                        "email",
                        "outreach@example.org",
                        "phone",
                        "+1 250 555 0101",
                        "url",
                        "https://example.org/outreach"));
        body.put("capacity", capacity(2, 6, "under-1-month"));
        body.put(
                "locations",
                List.of(
                        Map.of(
                                "name",
                                "Outreach office",
                                "address1",
                                "12 Bernard Ave",
                                "city",
                                "Kelowna",
                                "stateProvince",
                                "BC",
                                "postalCode",
                                "V1Y 6N2",
                                "country",
                                "CA",
                                "latitude",
                                49.8863,
                                "longitude",
                                -119.4966),
                        Map.of(
                                "name",
                                "Youth house",
                                "address1",
                                "9 Quiet Rd",
                                "city",
                                "Kelowna",
                                "stateProvince",
                                "BC",
                                "postalCode",
                                "V1Y 0A0",
                                "country",
                                "CA",
                                "confidential",
                                true),
                        Map.of("name", "Pop-up at the library", "city", "West Kelowna")));
        return service(body);
    }

    @Test
    void anExportedServiceFollowsTheHsdsRules() {
        String org = organization("HSDS Agency");
        as(admin())
                .body(Map.of(
                        "name",
                        "HSDS Agency renamed",
                        "description",
                        "Youth housing and family support",
                        "email",
                        "hello@example.org",
                        "website",
                        "https://example.org",
                        "phone",
                        "+1 250 555 0100"))
                .put("/api/v1/partners/organizations/" + org)
                .then()
                .statusCode(200);
        String id = richService(org);

        for (String token : List.of(admin(), partnerOf(org))) {
            JsonNode service = get(token, HSDS + "/services/" + id);
            assertEquals(List.of(), HsdsRules.service(service), service.toPrettyString());
            assertEquals("temporarily closed", service.path("status").asText());
            assertEquals(org, service.path("organization").path("id").asText());
            assertEquals(12, service.path("minimum_age").asInt());
            assertTrue(service.path("eligibility_description").asText().contains("Grades 7 to 12"));
            assertEquals(2, service.path("languages").size());
            assertEquals("French", service.path("languages").get(1).path("name").asText());
            assertEquals(3, service.path("service_at_locations").size());
            assertEquals(
                    "housing",
                    service.path("attributes")
                            .get(0)
                            .path("taxonomy_term")
                            .path("code")
                            .asText());
            JsonNode office = service.path("service_at_locations").get(0).path("location");
            assertEquals(
                    "12 Bernard Ave",
                    office.path("addresses").get(0).path("address_1").asText());
            assertTrue(
                    service.path("service_at_locations")
                            .get(2)
                            .path("location")
                            .path("addresses")
                            .isEmpty(),
                    "an incomplete address is left out rather than exported without its required fields");
        }
        JsonNode organization = get(admin(), HSDS + "/organizations/" + org);
        assertEquals(List.of(), HsdsRules.organization(organization), organization.toPrettyString());
        assertEquals(id, organization.path("services").get(0).path("id").asText());
        assertFalse(organization.path("services").get(0).has("organization"));
    }

    @Test
    void listsUseTheHsdsEnvelopeAndModifiedAfterGivesADelta() throws Exception {
        String org = organization("HSDS delta");
        String before = service(serviceBody(org, "Older service", List.of("mentoring")));
        Thread.sleep(20);
        Instant since = Instant.now();
        Thread.sleep(20);
        String after = richService(org);

        JsonNode delta = get(admin(), HSDS + "/services?modified_after=" + since + "&per_page=200");
        assertEquals(List.of(), HsdsRules.page(delta, true), delta.toPrettyString());
        List<String> ids = delta.path("contents").findValuesAsText("id");
        assertTrue(ids.contains(after), "the service changed after " + since);
        assertFalse(ids.contains(before), "the service changed before " + since);

        as(admin())
                .body(serviceBody(org, "Older service, changed", List.of("mentoring")))
                .put(SERVICES + "/" + before)
                .then()
                .statusCode(200);
        assertTrue(get(admin(), HSDS + "/services?modified_after=" + since + "&per_page=200")
                .path("contents")
                .findValuesAsText("id")
                .contains(before));

        JsonNode first = get(admin(), HSDS + "/services?per_page=1");
        assertEquals(List.of(), HsdsRules.page(first, true), first.toPrettyString());
        long total = first.path("total_items").asLong();
        assertTrue(total >= 2);
        assertEquals(1, first.path("page_number").asInt());
        assertEquals(1, first.path("size").asInt());
        assertEquals(total, first.path("total_pages").asLong());
        assertTrue(first.path("first_page").asBoolean());
        assertFalse(first.path("last_page").asBoolean());
        assertFalse(first.path("empty").asBoolean());
        JsonNode last = get(admin(), HSDS + "/services?per_page=1&page=" + total);
        assertTrue(last.path("last_page").asBoolean());
        assertFalse(last.path("first_page").asBoolean());
        JsonNode none = get(admin(), HSDS + "/services?modified_after=2999-01-01T00:00:00Z");
        assertTrue(none.path("empty").asBoolean());
        assertEquals(0, none.path("contents").size());

        JsonNode organizations = get(admin(), HSDS + "/organizations?per_page=200");
        assertEquals(List.of(), HsdsRules.page(organizations, false), organizations.toPrettyString());
        assertTrue(organizations.path("contents").findValuesAsText("id").contains(org));
    }

    @Test
    void badExportParametersAre400() {
        for (String query : List.of("per_page=0", "per_page=201", "page=0", "page=x", "modified_after=yesterday")) {
            as(admin())
                    .get(HSDS + "/services?" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(query.substring(0, query.indexOf('='))));
        }
        as(admin()).get(HSDS + "/organizations?per_page=-5").then().statusCode(400);
        as(admin())
                .get(HSDS + "/services/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404);
        as(admin())
                .get(HSDS + "/organizations/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404);
    }
}
