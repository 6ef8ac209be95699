package org.bridgeway.system;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.bridgeway.devstack.Devstack;

/**
 * The whole-loop tests' client: every call through the gateway, recorded for the contract check,
 * with tokens per role and a bounded poll.
 */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Devstack suite;
    private final Contract contract;

    Api(Devstack suite, Contract contract) {
        this.suite = suite;
        this.contract = contract;
    }

    Devstack suite() {
        return suite;
    }

    String token(String subject, String role, String board) {
        var builder = suite.tokens().token(subject).roles(role);
        return board == null ? builder.sign() : builder.board(board).sign();
    }

    String partner(String organizationId) {
        return suite.tokens()
                .token("partner-" + organizationId)
                .roles("partner")
                .org(organizationId)
                .sign();
    }

    /** The demo directory (agencies, services, demo-board agreements), seeded once through the gateway as an admin. */
    void seedDirectory() throws Exception {
        String admin = token("directory-admin", "admin", null);
        new org.bridgeway.devstack.DirectorySeed((method, path, role, body, expected) -> {
                    RequestSpecification request = as(admin);
                    if (body != null) {
                        request.body(body);
                    }
                    return request.request(method, path)
                            .then()
                            .statusCode(expected)
                            .extract()
                            .asString();
                })
                .seed();
    }

    /** A JSON request through the gateway as the token's caller, recorded for the contract check. */
    RequestSpecification as(String token) {
        return given().baseUri(suite.gatewayUrl())
                .port(-1)
                .filter(contract)
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON);
    }

    static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + response.asString(), e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every item of a paged list (size 200 a page). */
    List<JsonNode> all(String token, String path, Object... params) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = json(as(token)
                    .queryParam("page", page)
                    .queryParam("size", 200)
                    .get(path, params)
                    .then()
                    .statusCode(200)
                    .extract()
                    .response());
            body.path("items").forEach(items::add);
            if (page + 1 >= body.path("totalPages").asInt()) {
                return items;
            }
        }
    }

    /** Polls until the value satisfies the condition; fails with the last value after the timeout. */
    static <T> T await(String what, Duration timeout, Supplier<T> value, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = value.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException | AssertionError notYet) {
                // a fault may still be in progress
            }
            sleep(300);
        }
        throw new AssertionError(what + " not reached in " + timeout.toSeconds() + " s; last: " + last);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
