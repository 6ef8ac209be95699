package org.bridgeway.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into one: every path, one bearer security scheme, tags
 * kept, and component schemas de-duplicated when identical or prefixed with the service name when
 * two services mean different things by the same name (with every $ref rewritten to match).
 */
public final class OpenApiMerger {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String SCHEMA_REF = "#/components/schemas/";

    private OpenApiMerger() {}

    /** @param documents service name to its document, in a stable order */
    public static ObjectNode merge(Map<String, JsonNode> documents) {
        ObjectNode merged = JSON.objectNode();
        String version = documents.values().stream()
                .map(d -> d.path("openapi").asText("3.0.3"))
                .findFirst()
                .orElse("3.0.3");
        merged.put("openapi", version);
        ObjectNode info = merged.putObject("info");
        info.put("title", "Bridgeway API");
        info.put("version", "1.0");
        info.put(
                "description",
                "One surface for screening, partner and referral services. Authenticate with a bearer JWT.");
        info.putObject("license").put("name", "Apache-2.0").put("identifier", "Apache-2.0");
        merged.putArray("servers").addObject().put("url", "/");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        merged.putArray("security").addObject().putArray("bearer");

        Set<String> tagNames = new LinkedHashSet<>();
        Map<String, String> owners = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : documents.entrySet()) {
            String service = entry.getKey();
            JsonNode document = entry.getValue().deepCopy();
            Map<String, String> renames = new LinkedHashMap<>();
            document.path("components").path("schemas").fields().forEachRemaining(schema -> {
                JsonNode existing = schemas.get(schema.getKey());
                if (existing != null && !existing.equals(schema.getValue())) {
                    renames.put(schema.getKey(), prefix(service) + schema.getKey());
                }
            });
            if (!renames.isEmpty()) {
                rewriteRefs(document, renames);
            }
            document.path("components").path("schemas").fields().forEachRemaining(schema -> {
                String name = renames.getOrDefault(schema.getKey(), schema.getKey());
                schemas.set(name, schema.getValue());
            });
            document.path("paths").fields().forEachRemaining(path -> {
                if (owners.containsKey(path.getKey())) {
                    throw new IllegalStateException("path " + path.getKey() + " is served by both "
                            + owners.get(path.getKey()) + " and " + service);
                }
                owners.put(path.getKey(), service);
                paths.set(path.getKey(), path.getValue());
                withEdgeAnswers(path.getValue());
            });
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    ObjectNode described = (ObjectNode) tag;
                    if (!described.hasNonNull("description")) {
                        described.put("description", "Served by " + service + ".");
                    }
                    tags.add(described);
                }
            }
        }
        if (!schemas.has("Problem")) {
            schemas.set("Problem", problemSchema());
        }
        return merged;
    }

    /** RFC 9457 problem details, as platform/web writes them, for a merge whose services declared none. */
    private static ObjectNode problemSchema() {
        ObjectNode problem = JSON.objectNode();
        problem.put("type", "object");
        problem.put("description", "RFC 9457 problem details.");
        ObjectNode properties = problem.putObject("properties");
        properties.putObject("type").put("type", "string");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer");
        properties.putObject("detail").put("type", "string");
        properties.putObject("instance").put("type", "string");
        return problem;
    }

    /**
     * The answers the gateway itself gives on every route, before or instead of the service: no usable token
     * (401), the rate limit (429), the service down or its breaker open (503), the service too slow (504).
     */
    private static final Map<String, String> EDGE_ANSWERS = Map.of(
            "401", "No bearer token, or one the gateway refuses (signature, issuer, audience, expiry).",
            "429", "Rate limit reached; retry after the seconds in Retry-After.",
            "503", "The service is unavailable (down, or its circuit is open); retry after Retry-After.",
            "504",
                    "The service did not answer in time. A write may have been applied: retry it with the same"
                            + " Idempotency-Key.");

    private static final java.util.Set<String> OPERATIONS =
            java.util.Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static void withEdgeAnswers(JsonNode pathItem) {
        pathItem.fields().forEachRemaining(operation -> {
            if (!OPERATIONS.contains(operation.getKey())
                    || !operation.getValue().isObject()) {
                return;
            }
            JsonNode existing = operation.getValue().get("responses");
            ObjectNode responses = existing instanceof ObjectNode object
                    ? object
                    : ((ObjectNode) operation.getValue()).putObject("responses");
            EDGE_ANSWERS.forEach((status, description) -> {
                if (!responses.has(status)) {
                    ObjectNode answer = responses.putObject(status);
                    answer.put("description", description);
                    answer.putObject("content")
                            .putObject("application/problem+json")
                            .putObject("schema")
                            .put("$ref", SCHEMA_REF + "Problem");
                }
            });
        });
    }

    private static String prefix(String service) {
        String name = service.replace("-service", "");
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "_";
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String target = ref.asText().substring(SCHEMA_REF.length());
                if (renames.containsKey(target)) {
                    object.set("$ref", TextNode.valueOf(SCHEMA_REF + renames.get(target)));
                }
            }
            Iterator<JsonNode> children = object.elements();
            while (children.hasNext()) {
                rewriteRefs(children.next(), renames);
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renames));
        }
    }
}
