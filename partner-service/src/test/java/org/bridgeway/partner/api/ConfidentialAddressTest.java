package org.bridgeway.partner.api;

import static org.bridgeway.partner.Fixtures.AGREEMENTS;
import static org.bridgeway.partner.Fixtures.ORGANIZATIONS;
import static org.bridgeway.partner.Fixtures.SERVICES;
import static org.bridgeway.partner.Fixtures.admin;
import static org.bridgeway.partner.Fixtures.agreementBody;
import static org.bridgeway.partner.Fixtures.as;
import static org.bridgeway.partner.Fixtures.everyRole;
import static org.bridgeway.partner.Fixtures.organization;
import static org.bridgeway.partner.Fixtures.service;
import static org.bridgeway.partner.Fixtures.serviceBody;
import static org.bridgeway.partner.Fixtures.uniqueArea;
import static org.bridgeway.partner.Fixtures.uniqueBoard;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A shelter's address reaches admins only: every read endpoint, as every role, including the HSDS export. */
@QuarkusTest
class ConfidentialAddressTest {

    private static final String STREET = "742 Hidden Lane";
    private static final String POSTAL = "V9Z 7Q3";
    private static final String LATITUDE = "49.887123";
    private static final String LONGITUDE = "-119.496321";
    private static final String CITY = "Kelowna";

    @Test
    void noEndpointShowsAConfidentialAddressToAnyoneButAnAdmin() {
        String area = uniqueArea();
        String board = uniqueBoard();
        String org = organization("Safe Harbour Youth Shelter");
        Map<String, Object> body = serviceBody(org, "Emergency youth beds", List.of("housing"));
        body.put("serviceAreas", List.of(area));
        body.put(
                "locations",
                List.of(Map.of(
                        "name",
                        "Safe Harbour house",
                        "address1",
                        STREET,
                        "city",
                        CITY,
                        "stateProvince",
                        "BC",
                        "postalCode",
                        POSTAL,
                        "country",
                        "CA",
                        "latitude",
                        Double.valueOf(LATITUDE),
                        "longitude",
                        Double.valueOf(LONGITUDE),
                        "confidential",
                        true)));
        String id = service(body);
        as(admin())
                .body(agreementBody(org, board, "2026-01-01", null, "active", List.of("screening-summary")))
                .post(AGREEMENTS)
                .then()
                .statusCode(201);

        List<String> reads = List.of(
                SERVICES + "?area=" + area,
                SERVICES + "?q=emergency%20youth%20beds&size=200",
                SERVICES + "/" + id,
                SERVICES + "/" + id + "/capacity",
                ORGANIZATIONS + "/" + org,
                ORGANIZATIONS + "?size=200",
                "/api/v1/partners/needs",
                AGREEMENTS + "?org=" + org,
                "/api/v1/hsds/services?per_page=200&modified_after=2000-01-01T00:00:00Z",
                "/api/v1/hsds/services/" + id,
                "/api/v1/hsds/organizations?per_page=200",
                "/api/v1/hsds/organizations/" + org);

        everyRole(board, org).forEach((role, token) -> {
            for (String path : reads) {
                var response = as(token).get(path);
                String text = response.asString();
                assertTrue(
                        response.statusCode() == 200 || response.statusCode() == 403,
                        role + " GET " + path + " answered " + response.statusCode() + ": " + text);
                if (role.equals("admin")) {
                    continue;
                }
                for (String secret : List.of(STREET, POSTAL, LATITUDE, LONGITUDE, "49.887", "-119.496")) {
                    assertFalse(text.contains(secret), role + " saw " + secret + " in GET " + path + ": " + text);
                }
            }
        });

        String staff = everyRole(board, org).get("school-staff");
        as(staff)
                .get(SERVICES + "/" + id)
                .then()
                .statusCode(200)
                .body("locations[0].name", equalTo("Safe Harbour house"))
                .body("locations[0].city", equalTo(CITY))
                .body("locations[0].confidential", equalTo(true));
        String hsds = as(staff).get("/api/v1/hsds/services/" + id).asString();
        assertTrue(hsds.contains("Safe Harbour house") && hsds.contains(CITY), hsds);

        for (String path : List.of(SERVICES + "/" + id, "/api/v1/hsds/services/" + id)) {
            String text = as(admin()).get(path).asString();
            for (String secret : List.of(STREET, POSTAL, "49.887123")) {
                assertTrue(text.contains(secret), "an admin sees " + secret + " in " + path + ": " + text);
            }
        }
        assertEquals(
                STREET,
                as(admin())
                        .get("/api/v1/hsds/services/" + id)
                        .jsonPath()
                        .getString("service_at_locations[0].location.addresses[0].address_1"));
    }
}
