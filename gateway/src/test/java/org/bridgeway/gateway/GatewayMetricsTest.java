package org.bridgeway.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bridgeway.testing.TestInfra;
import org.junit.jupiter.api.Test;

/** The gateway's request metrics are tagged by route, not by raw path: ids never become tag values. */
@QuarkusTest
@QuarkusTestResource(StubUpstreams.class)
class GatewayMetricsTest {

    private static final Pattern URI_TAG =
            Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"");

    @Test
    void manyDistinctIdsGiveOneUriTagPerRoute() {
        String token = TestInfra.token("metrics-user").roles("sis").board("b1").sign();
        for (int i = 0; i < 150; i++) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/screening/echo/" + UUID.randomUUID())
                    .then()
                    .statusCode(200);
        }
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = URI_TAG.matcher(metrics);
        Set<String> uris = m.results().map(r -> r.group(1)).collect(Collectors.toSet());
        assertTrue(uris.contains("/api/v1/screening/*"), "tagged by route: " + uris);
        assertTrue(
                uris.stream().noneMatch(u -> u.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-.*")),
                "no raw id in a uri tag: " + uris);
    }
}
