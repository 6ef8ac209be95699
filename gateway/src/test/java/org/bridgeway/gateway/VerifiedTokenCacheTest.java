package org.bridgeway.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import java.time.Duration;
import org.bridgeway.testing.TestInfra;
import org.junit.jupiter.api.Test;

/** Each distinct token is verified once for its lifetime; refusals are never remembered, expiry still bites. */
@QuarkusTest
@QuarkusTestResource(StubUpstreams.class)
class VerifiedTokenCacheTest {

    @Inject
    JWTParser parser;

    @Test
    void aTokenIsVerifiedOnceAndThenServedFromTheCache() throws ParseException {
        String token = TestInfra.token("cached").roles("sis").board("b1").sign();
        var first = parser.parse(token);
        assertSame(first, parser.parse(token), "the second use is the first verification, not a new one");
        String other = TestInfra.token("cached").roles("sis").board("b1").sign();
        assertNotSame(first, parser.parse(other), "another token (another jti) is verified on its own");
    }

    @Test
    void aTokenWithABadSignatureIsRefusedEveryTimeEvenAfterTheGoodOne() throws ParseException {
        String token = TestInfra.token("tampered").roles("sis").board("b1").sign();
        parser.parse(token);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(ParseException.class, () -> parser.parse(tampered));
        assertThrows(ParseException.class, () -> parser.parse(tampered));
    }

    @Test
    void aCachedTokenIsVerifiedAfreshOnceItsExpiryPasses() throws Exception {
        String token = TestInfra.token("short-lived")
                .roles("sis")
                .board("b1")
                .lifetime(Duration.ofSeconds(2))
                .sign();
        var first = parser.parse(token);
        assertSame(first, parser.parse(token));
        Thread.sleep(2_500);
        // past its exp the cache no longer answers: the verifier decides again (and, within its
        // mp.jwt.verify.clock.skew, still accepts), so the principal is a new one
        assertNotSame(first, parser.parse(token));
    }

    @Test
    void requestsWithTheSameTokenPassTheEdge() {
        String token = TestInfra.token("edge-cached").roles("sis").board("b1").sign();
        given().auth().oauth2(token).get("/api/v1/screening/echo").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/screening/echo").then().statusCode(200);
    }
}
