package org.bridgeway.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** One hostile request against an operation, and what its answer must look like. */
public final class HostileRequest {

    private enum Expect {
        ANY_4XX_OR_SUCCESS,
        FIELD_NAMED,
        UNAUTHORIZED,
        SMALL_ERROR,
        BOM_IGNORED
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An error that echoes a 100 kB value back is not small; a problem naming a field is. */
    private static final int SMALL = 4096;

    private final OpenApiOperations.Operation operation;
    private final String what;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, String> queryValues = new LinkedHashMap<>();
    private byte[] body;
    private String token;
    private Expect expect = Expect.ANY_4XX_OR_SUCCESS;
    private String field;

    public HostileRequest(OpenApiOperations.Operation operation, String what) {
        this.operation = operation;
        this.what = what;
    }

    public HostileRequest path(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    public HostileRequest query(String name, String value) {
        queryValues.put(name, value);
        return this;
    }

    public HostileRequest body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    public HostileRequest token(String bearer) {
        this.token = bearer;
        return this;
    }

    /** 400 problem+json whose {@code errors} name this field. */
    public HostileRequest expectField(String name) {
        this.expect = Expect.FIELD_NAMED;
        this.field = name;
        return this;
    }

    public HostileRequest expectUnauthorized() {
        this.expect = Expect.UNAUTHORIZED;
        return this;
    }

    public HostileRequest expectSmallError() {
        this.expect = Expect.SMALL_ERROR;
        return this;
    }

    public HostileRequest expectBomIgnored() {
        this.expect = Expect.BOM_IGNORED;
        return this;
    }

    public OpenApiOperations.Operation operation() {
        return operation;
    }

    public byte[] body() {
        return body;
    }

    public String token() {
        return token;
    }

    /** The path with its parameters filled in and the query, percent-encoded. */
    public String uri() {
        String path = operation.path();
        for (Map.Entry<String, String> p : pathValues.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        if (queryValues.isEmpty()) {
            return path;
        }
        return path
                + queryValues.entrySet().stream()
                        .map(q -> encode(q.getKey()) + "=" + encode(q.getValue()))
                        .collect(Collectors.joining("&", "?", ""));
    }

    /** Why the answer is wrong for this request, or empty when it is right. */
    public Optional<String> failure(Response response) {
        int status = response.statusCode();
        String type = String.valueOf(response.contentType());
        String text = response.asString();
        String said = what + " -> " + status + " " + abbreviate(text);
        if (status >= 500) {
            return Optional.of("5xx: " + said);
        }
        if (status >= 400 && !type.startsWith("application/problem+json")) {
            return Optional.of("error without problem+json (" + type + "): " + said);
        }
        JsonNode problem = read(text);
        return switch (expect) {
            case ANY_4XX_OR_SUCCESS -> Optional.empty();
            case FIELD_NAMED ->
                status == 400 && names(problem, field)
                        ? Optional.empty()
                        : Optional.of("expected 400 naming '" + field + "': " + said);
            case UNAUTHORIZED -> status == 401 ? Optional.empty() : Optional.of("expected 401: " + said);
            case SMALL_ERROR ->
                status >= 400 && text.length() <= SMALL
                        ? Optional.empty()
                        : Optional.of("expected a 4xx of at most " + SMALL + " characters, got " + text.length() + ": "
                                + said);
            case BOM_IGNORED ->
                status == 400
                                && (text.contains("\\ufeff")
                                        || text.contains("\ufeff")
                                        || problem.path("detail").asText().contains("not valid JSON"))
                        ? Optional.of("the byte-order mark was not ignored: " + said)
                        : Optional.empty();
        };
    }

    private static boolean names(JsonNode problem, String field) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(error -> error.path("field").asText())
                .anyMatch(named -> named.equals(field));
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.missingNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
