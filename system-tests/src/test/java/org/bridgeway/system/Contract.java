package org.bridgeway.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * Every request and response of a run, checked against the gateway's merged OpenAPI document: the
 * operation must be documented, the status declared on it, and a JSON body must match the declared
 * schema (JSON Schema 2020-12, as OpenAPI 3.1 defines it, validated by networknt's validator).
 */
final class Contract implements Filter {

    record Exchange(String method, String path, int status, String contentType, String body) {}

    private record Template(String path, Pattern pattern, int literalLength) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final JsonNode document;
    private final List<Template> templates = new ArrayList<>();
    private final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    Contract(String mergedDocumentJson) {
        try {
            this.document = JSON.readTree(mergedDocumentJson);
        } catch (Exception e) {
            throw new IllegalStateException("the merged OpenAPI document is not JSON", e);
        }
        document.path("paths")
                .fieldNames()
                .forEachRemaining(path -> templates.add(new Template(
                        path,
                        Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+")),
                        path.replaceAll("\\{[^}]+}", "").length())));
        // The most literal template first: /cases/{id}/candidates before /cases/{id}/{anything}.
        templates.sort(Comparator.comparingInt(Template::literalLength).reversed());
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        String path = URI.create(request.getURI()).getRawPath();
        if (path.startsWith("/api/")) {
            exchanges.add(new Exchange(
                    request.getMethod(), path, answer.statusCode(), answer.contentType(), answer.asString()));
        }
        return answer;
    }

    /** The suite's merged document, read from its gateway. */
    static Contract of(org.bridgeway.devstack.Devstack suite) {
        return new Contract(io.restassured.RestAssured.given()
                .baseUri(suite.gatewayUrl())
                .port(-1)
                .queryParam("format", "json")
                .get("/q/openapi")
                .asString());
    }

    /** Adds this class's counts to the summary line, prints it, and fails on any violation. */
    void assertConforms(String what) {
        List<String> violations = violations();
        Ledger.close(what, this, violations.size());
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " contract violations:\n  "
                    + String.join(
                            "\n  ",
                            grouped(violations).entrySet().stream()
                                    .map(e -> e.getValue() + " x " + e.getKey())
                                    .toList()));
        }
    }

    int requests() {
        return exchanges.size();
    }

    /** Each violation as one line: method, path, status and what is wrong. */
    List<String> violations() {
        List<String> violations = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            String problem = check(exchange);
            if (problem != null) {
                violations.add(exchange.method() + " " + exchange.path() + " -> " + exchange.status() + ": " + problem);
            }
        }
        return violations;
    }

    private String check(Exchange exchange) {
        Template template = templates.stream()
                .filter(t -> t.pattern().matcher(exchange.path()).matches())
                .findFirst()
                .orElse(null);
        if (template == null) {
            return "no such path in the document";
        }
        JsonNode operation = document.path("paths")
                .path(template.path())
                .path(exchange.method().toLowerCase());
        if (operation.isMissingNode()) {
            return "undocumented operation " + template.path();
        }
        JsonNode responses = operation.path("responses");
        JsonNode declared = responses.path(Integer.toString(exchange.status()));
        if (declared.isMissingNode()) {
            declared = responses.path(exchange.status() / 100 + "XX");
        }
        if (declared.isMissingNode()) {
            declared = responses.path("default");
        }
        if (declared.isMissingNode()) {
            return "status not declared on " + template.path() + " (declared: " + fieldNames(responses) + ")";
        }
        return checkBody(template.path() + " " + exchange.method() + " " + exchange.status(), declared, exchange);
    }

    private String checkBody(String key, JsonNode declared, Exchange exchange) {
        String mediaType = exchange.contentType() == null
                ? ""
                : exchange.contentType().split(";")[0].trim();
        if (exchange.body() == null || exchange.body().isEmpty() || !mediaType.endsWith("json")) {
            return null;
        }
        JsonNode content = declared.path("content");
        JsonNode media = content.path(mediaType);
        if (media.isMissingNode() && content.isObject() && content.size() > 0) {
            return "answered " + mediaType + ", documented " + fieldNames(content);
        }
        JsonNode schema = media.path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        List<Error> errors = compiled.computeIfAbsent(key + " " + mediaType, k -> compile(schema))
                .validate(exchange.body(), InputFormat.JSON);
        return errors.isEmpty()
                ? null
                : "body does not match its schema: "
                        + errors.stream().limit(3).map(Error::toString).toList();
    }

    /** The operation's schema with the document's components beside it, so its #/components refs resolve. */
    private Schema compile(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.putArray("allOf").add(schema);
        root.set("components", document.path("components"));
        return SCHEMAS.getSchema(root.toString(), InputFormat.JSON);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    /** How many times each violation line occurs, for a compact report. */
    static Map<String, Long> grouped(List<String> violations) {
        Map<String, Long> counts = new LinkedHashMap<>();
        violations.forEach(v -> counts.merge(v.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"), 1L, Long::sum));
        return counts;
    }
}
