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
        return merged;
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
