package org.bridgeway.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bridgeway.devstack.DemoTokens;
import org.bridgeway.testing.hostile.OpenApiOperations.Operation;
import org.bridgeway.testing.hostile.OpenApiOperations.Parameter;
import org.bridgeway.testing.hostile.SampleJson;

/**
 * A seeded generator of hostile requests against the operations of the merged OpenAPI document:
 * plausible requests with one or two things broken (a body field, a path or query value, a header,
 * the token, the whole body). The same seed gives the same requests, so a failure can be replayed.
 */
final class HostileRequests {

    /** What the fuzz test sends; {@code body} null for none. */
    record Request(String method, String uri, Map<String, String> headers, byte[] body, String description) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ROLES = {"sis", "school-staff", "coordinator", "partner", "analyst", "admin"};
    private static final List<String> STRINGS = List.of(
            "a\u0000b",
            "\u0000",
            "\u0001\u0002\u0003",
            "\u001b[31mred",
            "\ufeffbom",
            "\u202eevil",
            "'; DROP TABLE student; --",
            "../../../etc/passwd",
            "%00",
            "%s%n%x",
            "${jndi:ldap://x}",
            "😀".repeat(50),
            "\ud800",
            "",
            " ",
            "x".repeat(70_000),
            "<script>alert(1)</script>",
            "null",
            "-1",
            "1e309",
            "\\",
            "\"");
    /**
     * Path and query values stay within the HTTP codec's 4 KiB request line: beyond it the server refuses
     * the request before any route runs (see docs/security.md), which is not what this test is about.
     */
    private static final List<String> PARAMETER_STRINGS = STRINGS.stream()
            .map(s -> s.length() > 3000 ? s.substring(0, 3000) : s)
            .toList();

    private static final List<String> DATES = List.of(
            "-10000-01-01",
            "+10000-01-01",
            "0000-00-00",
            "2026-02-30",
            "1899-12-31",
            "9999-12-31",
            "2026-13-01",
            "yesterday",
            "2026-01-01T00:00:00Z",
            "20260101");
    private static final List<JsonNode> NUMBERS = List.of(
            NODES.numberNode(2.5),
            NODES.numberNode(-1),
            NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(new java.math.BigInteger("99999999999999999999999999999")),
            NODES.numberNode(1e308),
            NODES.numberNode(-0.0),
            NODES.numberNode(Integer.MIN_VALUE),
            NODES.textNode("3"),
            NODES.booleanNode(true));
    private static final List<String> RAW_BODIES = List.of(
            "",
            "{",
            "[",
            "{\"a\":",
            "nul",
            "\u0000",
            "[]",
            "{}",
            "[[[[[[[[[[",
            "\"x\"",
            "{\"a\":1,\"a\":2}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"x\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
            "studentRef,schoolId\n\u0000,\"unterminated\n",
            "\ufeffinstrument,version\nneeds-survey,1.5\n",
            "\u00ff\u00fe\u0000{");

    private final Random random;
    private final List<Operation> operations;
    private final DemoTokens tokens;
    private final String board;
    private final List<String> goodTokens = new ArrayList<>();
    private final List<String> badTokens = new ArrayList<>();

    HostileRequests(long seed, List<Operation> operations, DemoTokens tokens, String board) {
        this.random = new Random(seed);
        this.operations = operations;
        this.tokens = tokens;
        this.board = board;
        for (String role : ROLES) {
            goodTokens.add(tokens.token("fuzz-" + role)
                    .roles(role)
                    .board(board)
                    .org("fuzz-org")
                    .schools("fuzz-school")
                    .sign());
        }
        badTokens.add(tokens.token("fuzz")
                .roles(ROLES)
                .claim("board", List.of(board, "x"))
                .sign());
        badTokens.add(tokens.token("fuzz").roles(ROLES).claim("board", 7).sign());
        badTokens.add(
                tokens.token("fuzz").roles(ROLES).board(board).claim("org", 7).sign());
        badTokens.add(tokens.token("fuzz")
                .roles(ROLES)
                .board(board)
                .claim("sub", null)
                .sign());
        badTokens.add(tokens.token("fuzz")
                .roles(ROLES)
                .board(board)
                .claim("groups", "admin")
                .sign());
        badTokens.add(tokens.token("fuzz")
                .roles(ROLES)
                .board(board)
                .audience("elsewhere")
                .sign());
        badTokens.add(tokens.token("fuzz").roles(ROLES).board("a:b").sign());
        badTokens.add("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwiZ3JvdXBzIjpbImFkbWluIl19.");
        badTokens.add("not.a.token");
        badTokens.add("x".repeat(9_000)); // longer than any token the edge verifies, within the 20 KiB header limit
    }

    Request next() {
        Operation op = operations.get(random.nextInt(operations.size()));
        Map<String, String> path = new LinkedHashMap<>();
        op.in("path").forEach(p -> path.put(p.name(), plausible(p)));
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + pick(goodTokens));
        SampleJson sample = op.hasJsonBody() ? new SampleJson(op.bodySchema()) : null;
        byte[] body = sample == null ? null : sample.value().toString().getBytes(StandardCharsets.UTF_8);
        if (!op.bodyMediaType().isEmpty()) {
            headers.put("Content-Type", op.bodyMediaType());
        }
        String what;
        switch (random.nextInt(7)) {
            case 0, 1 -> {
                if (sample == null || sample.leaves().isEmpty()) {
                    body = pick(RAW_BODIES).getBytes(StandardCharsets.UTF_8);
                    what = "raw body";
                } else {
                    SampleJson.Leaf leaf = pick(sample.leaves());
                    JsonNode value = hostileValue(leaf.kind());
                    body = sample.with(leaf, value).toString().getBytes(StandardCharsets.UTF_8);
                    what = leaf.field() + "=" + abbreviate(value.toString());
                }
            }
            case 2 -> {
                List<Parameter> params = new ArrayList<>(op.parameters());
                if (params.isEmpty()) {
                    query.put(pick(List.of("page", "size", "x")), pick(PARAMETER_STRINGS));
                    what = "unknown query";
                } else {
                    Parameter p = pick(params);
                    String value = random.nextBoolean()
                            ? pick(PARAMETER_STRINGS)
                            : pick(List.of("2147483647", "-2147483649", "1.5", "NaN", "1e3"));
                    (p.in().equals("path") ? path : query).put(p.name(), value);
                    what = p.in() + " " + p.name() + "=" + abbreviate(value);
                }
            }
            case 3 -> {
                query.put("page", pick(List.of("2147483647", "2147483646", "-1", "99999999999")));
                query.put("size", pick(List.of("200", "2147483647", "0", "1.5")));
                what = "paging " + query;
            }
            case 4 -> {
                String token = pick(badTokens);
                headers.put("Authorization", "Bearer " + token);
                what = "bad token " + abbreviate(token);
            }
            case 5 -> {
                body = pick(RAW_BODIES).getBytes(StandardCharsets.UTF_8);
                if (random.nextBoolean()) {
                    headers.put(
                            "Content-Type",
                            pick(List.of(
                                    "application/json",
                                    "text/csv",
                                    "text/plain",
                                    "application/x-www-form-urlencoded",
                                    "application/json; charset=UTF-16",
                                    "multipart/form-data; boundary=x")));
                }
                what = "raw body " + abbreviate(new String(body, StandardCharsets.UTF_8));
            }
            default -> {
                String name = pick(List.of(
                        "Idempotency-Key", "X-Request-Id", "Accept", "If-Match", "traceparent", "Accept-Language"));
                String value =
                        pick(List.of("x".repeat(5000), "é\u00e9", "../..", "*/*;q=abc", "\"\"", "00-zz-zz-01", "%00"));
                headers.put(name, value);
                what = "header " + name + "=" + abbreviate(value);
            }
        }
        String uri = op.path();
        for (Map.Entry<String, String> p : path.entrySet()) {
            uri = uri.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        if (!query.isEmpty()) {
            StringBuilder q = new StringBuilder();
            query.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&")
                    .append(encode(k))
                    .append('=')
                    .append(encode(v)));
            uri += q;
        }
        if (body != null && random.nextInt(10) == 0) {
            byte[] withBom = new byte[body.length + 3];
            System.arraycopy(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, withBom, 0, 3);
            System.arraycopy(body, 0, withBom, 3, body.length);
            body = withBom;
            what += " (BOM)";
        }
        return new Request(op.method().toUpperCase(), uri, headers, body, op + ": " + what);
    }

    private JsonNode hostileValue(SampleJson.Kind kind) {
        return switch (kind) {
            case INTEGER, NUMBER -> random.nextInt(4) == 0 ? NODES.textNode(pick(STRINGS)) : pick(NUMBERS);
            case DATE, DATE_TIME -> NODES.textNode(pick(DATES));
            case BOOLEAN -> pick(List.of(NODES.textNode("yes"), NODES.numberNode(1), NODES.nullNode()));
            default ->
                random.nextInt(5) == 0
                        ? pick(List.of(
                                NODES.arrayNode().add("x"),
                                NODES.objectNode().put("a", 1),
                                NODES.nullNode(),
                                NODES.numberNode(1.5)))
                        : NODES.textNode(pick(STRINGS));
        };
    }

    private String plausible(Parameter p) {
        String name = p.name().toLowerCase();
        if (name.contains("board")) {
            return random.nextInt(4) == 0 ? "other-board" : board;
        }
        if (p.isInteger()) {
            return "1";
        }
        return "uuid".equals(p.schema().path("format").asText())
                ? UUID.randomUUID().toString()
                : "fuzz-" + random.nextInt(3);
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + ")" : text;
    }
}
