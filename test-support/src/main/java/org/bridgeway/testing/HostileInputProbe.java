package org.bridgeway.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bridgeway.devstack.DemoTokens;
import org.bridgeway.testing.hostile.HostileRequest;
import org.bridgeway.testing.hostile.OpenApiOperations;
import org.bridgeway.testing.hostile.OpenApiOperations.Operation;
import org.bridgeway.testing.hostile.OpenApiOperations.Parameter;
import org.bridgeway.testing.hostile.SampleJson;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Reads a running service's {@code /q/openapi} and, for every operation, sends what a hostile
 * integrator sends: NUL bytes in path, query and body strings, fractions for integers, absurd dates,
 * paging at {@code Integer.MAX_VALUE}, a UTF-8 byte-order mark, huge invalid values, and tokens whose
 * claims have the wrong shape. Each answer must be a 4xx problem+json (naming the field where one
 * field was broken), never a 5xx. One dynamic test per operation and class of input, so a report
 * says exactly which endpoint fails which class.
 */
public final class HostileInputProbe {

    public static final String BOARD = "probe-board";
    public static final String ORG = "probe-org";
    public static final String SCHOOL = "probe-school";
    private static final String[] ALL_ROLES = {"sis", "school-staff", "coordinator", "partner", "analyst", "admin"};
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<Operation> operations;
    private final DemoTokens tokens;
    private final String token;

    public HostileInputProbe(String openApiJson, DemoTokens tokens) {
        this.operations = OpenApiOperations.parse(openApiJson);
        this.tokens = tokens;
        this.token = tokens.token("probe-subject")
                .roles(ALL_ROLES)
                .board(BOARD)
                .org(ORG)
                .schools(SCHOOL)
                .sign();
    }

    /** The service under {@code @QuarkusTest} (RestAssured already points at it), with the test token key. */
    public static HostileInputProbe ofRunningService() {
        String document = RestAssured.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return new HostileInputProbe(document, TestInfra.tokens());
    }

    public List<Operation> operations() {
        return operations;
    }

    /** Every class of hostile input against every operation it applies to. */
    public Stream<DynamicNode> tests() {
        assertTrue(!operations.isEmpty(), "the OpenAPI document lists no /api operations");
        return operations.stream()
                .map(op -> DynamicContainer.dynamicContainer(
                        op.toString(),
                        Stream.of(
                                        check(op, "NUL and control characters in path parameters", this::nulInPath),
                                        check(op, "NUL and control characters in query parameters", this::nulInQuery),
                                        check(op, "NUL and control characters in body strings", this::nulInBody),
                                        check(op, "fractions for integers", this::fractions),
                                        check(op, "paging at Integer.MAX_VALUE", this::pagingOverflow),
                                        check(op, "absurd dates", this::absurdDates),
                                        check(op, "UTF-8 byte-order mark before the JSON body", this::byteOrderMark),
                                        check(op, "huge invalid values are not echoed", this::hugeValues),
                                        check(op, "claims of the wrong shape", this::wrongClaims))
                                .filter(test -> test != null)));
    }

    private DynamicTest check(Operation op, String name, Function<Operation, List<HostileRequest>> attempts) {
        List<HostileRequest> requests = attempts.apply(op);
        if (requests.isEmpty()) {
            return null;
        }
        return DynamicTest.dynamicTest(name, () -> {
            List<String> failures = new ArrayList<>();
            for (HostileRequest request : requests) {
                request.failure(send(request)).ifPresent(failures::add);
            }
            assertTrue(failures.isEmpty(), op + ", " + name + ":\n  " + String.join("\n  ", failures));
        });
    }

    private List<HostileRequest> nulInPath(Operation op) {
        return op.in("path").stream()
                .flatMap(p -> Stream.of("a\u0000b", "a\u0007b")
                        .map(bad -> base(op, "path " + p.name() + "=" + printable(bad))
                                .path(p.name(), bad)
                                .expectField(p.name())))
                .toList();
    }

    private List<HostileRequest> nulInQuery(Operation op) {
        return op.in("query").stream()
                .filter(Parameter::isString)
                .map(p -> base(op, "query " + p.name() + " with NUL")
                        .query(p.name(), "a\u0000b")
                        .expectField(p.name()))
                .toList();
    }

    private List<HostileRequest> nulInBody(Operation op) {
        return bodyLeaves(op, SampleJson.Kind.TEXT, SampleJson.Kind.ENUM, SampleJson.Kind.UUID).stream()
                .map(leaf -> body(op, leaf, NODES.textNode("a\u0000b"), "NUL in " + leaf.field())
                        .expectField(leaf.field()))
                .toList();
    }

    private List<HostileRequest> fractions(Operation op) {
        List<HostileRequest> requests = new ArrayList<>(bodyLeaves(op, SampleJson.Kind.INTEGER).stream()
                .map(leaf -> body(op, leaf, NODES.numberNode(2.5), leaf.field() + "=2.5")
                        .expectField(leaf.field()))
                .toList());
        op.in("query").stream()
                .filter(Parameter::isInteger)
                .forEach(p -> requests.add(base(op, "query " + p.name() + "=1.5")
                        .query(p.name(), "1.5")
                        .expectField(p.name())));
        op.in("path").stream()
                .filter(Parameter::isInteger)
                .forEach(p -> requests.add(base(op, "path " + p.name() + "=1.5")
                        .path(p.name(), "1.5")
                        .expectField(p.name())));
        return requests;
    }

    private List<HostileRequest> pagingOverflow(Operation op) {
        if (!op.isPaged()) {
            return List.of();
        }
        return List.of(
                base(op, "page=2147483647&size=200")
                        .query("page", "2147483647")
                        .query("size", "200")
                        .expectField("page"),
                base(op, "page=-1").query("page", "-1").expectField("page"),
                base(op, "size=2147483647").query("size", "2147483647").expectField("size"));
    }

    private List<HostileRequest> absurdDates(Operation op) {
        List<HostileRequest> requests = new ArrayList<>();
        for (SampleJson.Leaf leaf : bodyLeaves(op, SampleJson.Kind.DATE)) {
            for (String date : List.of("-10000-01-01", "+10000-01-01", "0001-01-01", "2999-12-31")) {
                requests.add(body(op, leaf, NODES.textNode(date), leaf.field() + "=" + date)
                        .expectField(leaf.field()));
            }
        }
        for (SampleJson.Leaf leaf : bodyLeaves(op, SampleJson.Kind.DATE_TIME)) {
            requests.add(body(op, leaf, NODES.textNode("-10000-01-01T00:00:00Z"), leaf.field() + " in year -10000")
                    .expectField(leaf.field()));
        }
        return requests;
    }

    private List<HostileRequest> byteOrderMark(Operation op) {
        if (!op.hasJsonBody()) {
            return List.of();
        }
        byte[] json = new SampleJson(op.bodySchema()).value().toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        return List.of(base(op, "BOM + a plausible body").body(withBom).expectBomIgnored());
    }

    private List<HostileRequest> hugeValues(Operation op) {
        String huge = "z".repeat(100_000);
        return bodyLeaves(
                        op,
                        SampleJson.Kind.DATE,
                        SampleJson.Kind.DATE_TIME,
                        SampleJson.Kind.UUID,
                        SampleJson.Kind.ENUM,
                        SampleJson.Kind.INTEGER,
                        SampleJson.Kind.BOOLEAN)
                .stream()
                .map(leaf -> body(op, leaf, NODES.textNode(huge), "100 kB in " + leaf.field())
                        .expectSmallError())
                .toList();
    }

    private List<HostileRequest> wrongClaims(Operation op) {
        return List.of(
                base(op, "board claim is a list")
                        .token(tokens.token("probe-subject")
                                .roles(ALL_ROLES)
                                .claim("board", List.of(BOARD, "other"))
                                .sign())
                        .expectUnauthorized(),
                base(op, "board claim is a number")
                        .token(tokens.token("probe-subject")
                                .roles(ALL_ROLES)
                                .claim("board", 42)
                                .sign())
                        .expectUnauthorized(),
                base(op, "org claim is a list")
                        .token(tokens.token("probe-subject")
                                .roles(ALL_ROLES)
                                .board(BOARD)
                                .claim("org", List.of(ORG))
                                .sign())
                        .expectUnauthorized(),
                base(op, "upn without sub")
                        .token(tokens.token("probe-subject")
                                .roles(ALL_ROLES)
                                .board(BOARD)
                                .claim("sub", null)
                                .sign())
                        .expectUnauthorized(),
                base(op, "another audience")
                        .token(tokens.token("probe-subject")
                                .roles(ALL_ROLES)
                                .board(BOARD)
                                .audience("another-api")
                                .sign())
                        .expectUnauthorized());
    }

    private List<SampleJson.Leaf> bodyLeaves(Operation op, SampleJson.Kind... kinds) {
        if (!op.hasJsonBody()) {
            return List.of();
        }
        List<SampleJson.Kind> wanted = List.of(kinds);
        return new SampleJson(op.bodySchema())
                .leaves().stream().filter(leaf -> wanted.contains(leaf.kind())).toList();
    }

    private HostileRequest body(Operation op, SampleJson.Leaf leaf, JsonNode replacement, String what) {
        SampleJson sample = new SampleJson(op.bodySchema());
        return base(op, what).body(sample.with(leaf, replacement).toString().getBytes(StandardCharsets.UTF_8));
    }

    private HostileRequest base(Operation op, String what) {
        HostileRequest request = new HostileRequest(op, what).token(token);
        for (Parameter p : op.in("path")) {
            request.path(p.name(), plausible(p));
        }
        if (op.hasJsonBody()) {
            request.body(new SampleJson(op.bodySchema()).value().toString().getBytes(StandardCharsets.UTF_8));
        }
        return request;
    }

    private static String plausible(Parameter p) {
        String name = p.name().toLowerCase();
        if (name.contains("board")) {
            return BOARD;
        }
        if (name.startsWith("org")) {
            return ORG;
        }
        if (name.contains("school")) {
            return SCHOOL;
        }
        if (p.isInteger()) {
            return "1";
        }
        return "uuid".equals(p.schema().path("format").asText())
                ? java.util.UUID.randomUUID().toString()
                : "probe-1";
    }

    private static Response send(HostileRequest request) {
        var spec = RestAssured.given().urlEncodingEnabled(false).header("Authorization", "Bearer " + request.token());
        if (request.body() != null) {
            spec.contentType(request.operation().bodyMediaType() + "; charset=UTF-8")
                    .body(request.body());
        }
        return spec.request(request.operation().method().toUpperCase(), request.uri());
    }

    private static String printable(String value) {
        return value.replace("\u0000", "\\u0000").replace("\u0007", "\\u0007");
    }
}
