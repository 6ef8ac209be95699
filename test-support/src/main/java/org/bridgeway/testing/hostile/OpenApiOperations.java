package org.bridgeway.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operations of an OpenAPI 3 document (JSON), with their parameters and JSON body schema, references resolved. */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiOperations() {}

    public record Parameter(String name, String in, JsonNode schema) {
        public boolean isInteger() {
            return "integer".equals(schema.path("type").asText());
        }

        public boolean isString() {
            String type = schema.path("type").asText();
            return type.isEmpty() || "string".equals(type);
        }
    }

    public record Operation(
            String method, String path, List<Parameter> parameters, String bodyMediaType, JsonNode bodySchema) {

        public boolean hasJsonBody() {
            return bodySchema != null && bodyMediaType.contains("json");
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        public boolean isPaged() {
            return in("query").stream().anyMatch(p -> p.name().equals("page"))
                    && in("query").stream().anyMatch(p -> p.name().equals("size"));
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    public static List<Operation> parse(String document) {
        try {
            return parse(JSON.readTree(document));
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI JSON document", e);
        }
    }

    public static List<Operation> parse(JsonNode document) {
        Schemas schemas = new Schemas(document);
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(operation(op.getKey(), path.getKey(), path.getValue(), op.getValue(), schemas));
                }
            }
        }
        return operations;
    }

    private static Operation operation(String method, String path, JsonNode pathItem, JsonNode op, Schemas schemas) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode resolved = schemas.resolve(p);
                parameters.add(new Parameter(
                        resolved.path("name").asText(),
                        resolved.path("in").asText(),
                        schemas.resolve(resolved.path("schema"))));
            }
        }
        String mediaType = null;
        JsonNode bodySchema = null;
        for (Iterator<Map.Entry<String, JsonNode>> content =
                        op.path("requestBody").path("content").fields();
                content.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = content.next();
            if (mediaType == null || entry.getKey().contains("json")) {
                mediaType = entry.getKey();
                JsonNode schema = entry.getValue().path("schema");
                bodySchema = schema.isMissingNode() ? null : schemas.resolveDeep(schema, 0);
            }
        }
        return new Operation(method, path, parameters, mediaType == null ? "" : mediaType, bodySchema);
    }

    /** Resolves local {@code $ref}s, inlining them to a bounded depth (recursive schemas stop there). */
    private record Schemas(JsonNode document) {

        JsonNode resolve(JsonNode node) {
            int hops = 0;
            while (node.has("$ref") && hops++ < 20) {
                String ref = node.get("$ref").asText();
                node = document.at(ref.substring(1));
            }
            return node;
        }

        JsonNode resolveDeep(JsonNode node, int depth) {
            JsonNode resolved = resolve(node);
            if (depth > 8 || !resolved.isObject()) {
                return resolved;
            }
            var copy = resolved.deepCopy();
            var object = (com.fasterxml.jackson.databind.node.ObjectNode) copy;
            if (resolved.has("allOf") && resolved.get("allOf").size() == 1) {
                return resolveDeep(resolved.get("allOf").get(0), depth + 1);
            }
            if (resolved.has("properties")) {
                var properties = JSON.createObjectNode();
                resolved.get("properties")
                        .fields()
                        .forEachRemaining(e -> properties.set(e.getKey(), resolveDeep(e.getValue(), depth + 1)));
                object.set("properties", properties);
            }
            if (resolved.has("items")) {
                object.set("items", resolveDeep(resolved.get("items"), depth + 1));
            }
            if (resolved.path("additionalProperties").isObject()) {
                object.set("additionalProperties", resolveDeep(resolved.get("additionalProperties"), depth + 1));
            }
            return object;
        }
    }
}
