package org.bridgeway.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.bridgeway.devstack.DemoTokens;
import org.bridgeway.testing.TestInfra;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What a hostile client sends the edge: tokens of the wrong shape or audience, streamed bodies over the limit. */
@QuarkusTest
@QuarkusTestResource(StubUpstreams.class)
class HostileEdgeTest {

    @ConfigProperty(name = "bridgeway.upstreams.screening.url")
    String stub;

    @TestHTTPResource("/")
    URL gateway;

    private long upstreamHits() {
        return given().get(stub + "/_hits").then().extract().jsonPath().getLong("hits");
    }

    static Stream<Arguments> unusableTokens() {
        return Stream.of(
                Arguments.of(
                        "board is a list",
                        TestInfra.token("u")
                                .roles("sis")
                                .claim("board", List.of("b1", "b2"))
                                .sign()),
                Arguments.of(
                        "board is a number",
                        TestInfra.token("u").roles("sis").claim("board", 42).sign()),
                Arguments.of(
                        "org is a list",
                        TestInfra.token("u")
                                .roles("partner")
                                .claim("org", List.of("o1"))
                                .sign()),
                Arguments.of(
                        "org is a number",
                        TestInfra.token("u").roles("partner").claim("org", 7).sign()),
                Arguments.of(
                        "board is not an identifier",
                        TestInfra.token("u").roles("sis").board("X:c").sign()),
                Arguments.of(
                        "upn without sub",
                        TestInfra.token("u")
                                .roles("sis")
                                .board("b1")
                                .claim("sub", null)
                                .sign()),
                Arguments.of(
                        "schools is a string",
                        TestInfra.token("u")
                                .roles("school-staff")
                                .board("b1")
                                .claim("schools", "s1")
                                .sign()),
                Arguments.of(
                        "another audience",
                        TestInfra.token("u")
                                .roles("sis")
                                .board("b1")
                                .audience("someone-else")
                                .sign()),
                Arguments.of(
                        "no audience",
                        TestInfra.token("u")
                                .roles("sis")
                                .board("b1")
                                .claim("aud", null)
                                .sign()),
                Arguments.of(
                        "issued to live for days",
                        TestInfra.token("u")
                                .roles("sis")
                                .board("b1")
                                .lifetime(Duration.ofDays(3))
                                .sign()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableTokens")
    void aTokenWithoutTheShapeWeNeedIs401AndNeverReachesAService(String why, String token) {
        long before = upstreamHits();
        // its signature is good, so the second use is answered from the verified-token cache on the event loop:
        // the shape is checked on that path too
        for (int use = 1; use <= 2; use++) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/screening/echo")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("status", equalTo(401));
        }
        assertEquals(before, upstreamHits(), why);
    }

    @Test
    void aWellShapedTokenStillPasses() {
        String token = TestInfra.token("fine")
                .roles("school-staff")
                .board("b1")
                .schools("s1", "s2")
                .sign();
        assertEquals(DemoTokens.AUDIENCE, "bridgeway");
        given().auth().oauth2(token).get("/api/v1/screening/echo").then().statusCode(200);
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aStreamedBodyOverTheLimitIs413Problem(HttpClient.Version version) throws Exception {
        HttpResponse<String> response = stream(version, 3000);
        assertEquals(413, response.statusCode());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":413"), response.body());
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aStreamedBodyWithinTheLimitIsForwarded(HttpClient.Version version) throws Exception {
        HttpResponse<String> response = stream(version, 900);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"bodyBytes\":900"), response.body());
    }

    /** A body of unknown length: chunked over HTTP/1.1, DATA frames without a length over HTTP/2. */
    private HttpResponse<String> stream(HttpClient.Version version, int bytes) throws Exception {
        String token =
                TestInfra.token("streamer-" + bytes).roles("sis").board("b1").sign();
        byte[] body = "y".repeat(bytes).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/screening/boards/b1/screenings"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newBuilder().version(version).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theHttpLayersOwnRefusalsAreProblemJsonToo() throws IOException {
        String answer = raw("POST /q/openapi HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 999999999999\r\n\r\n{}");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int read = in.read(buffer);
            return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
        }
    }
}
