package org.bridgeway.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A flood of forged tokens from one address is refused by the address's rate limit before any
 * signature is verified: once the address's budget is spent the answer is 429, not the 401 a
 * verification would give.
 */
@QuarkusTest
@QuarkusTestResource(StubUpstreams.class)
@TestProfile(AddressRateLimitTest.TightAddressLimit.class)
class AddressRateLimitTest {

    public static class TightAddressLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bridgeway.rate-limit.address.per-second", "0.01", "bridgeway.rate-limit.address.burst", "5");
        }
    }

    @Test
    void forgedTokensBeyondTheAddressBudgetAre429BeforeVerification() {
        String forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(forged).get("/api/v1/screening/echo").then().statusCode(401);
        }
        for (int i = 0; i < 20; i++) {
            given().auth()
                    .oauth2(forged)
                    .get("/api/v1/screening/echo")
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
        }
    }
}
