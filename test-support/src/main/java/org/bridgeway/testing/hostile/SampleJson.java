package org.bridgeway.testing.hostile;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A plausible JSON value for a schema (every property filled, one element per list, one entry per
 * map), and the list of its leaves, so a test can break one field at a time and expect that field named.
 */
public final class SampleJson {

    /** What a leaf holds, as far as hostile input cares. */
    public enum Kind {
        TEXT,
        INTEGER,
        NUMBER,
        DATE,
        DATE_TIME,
        UUID,
        ENUM,
        BOOLEAN
    }

    /** A leaf: {@code field} as the API names it in errors ({@code schools[0].name}), {@code pointer} to replace it. */
    public record Leaf(String field, JsonPointer pointer, Kind kind) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final String SAMPLE_DATE = "2015-06-01";
    public static final String MAP_KEY = "k1";

    private final JsonNode value;
    private final List<Leaf> leaves = new ArrayList<>();

    public SampleJson(JsonNode schema) {
        this.value = sample(schema, "", "", 0);
    }

    public JsonNode value() {
        return value.deepCopy();
    }

    public List<Leaf> leaves() {
        return List.copyOf(leaves);
    }

    /** A copy of the sample with one leaf replaced. */
    public JsonNode with(Leaf leaf, JsonNode replacement) {
        JsonNode copy = value.deepCopy();
        JsonNode parent = copy.at(leaf.pointer().head());
        String last = leaf.pointer().last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(last, replacement);
        } else if (parent instanceof ArrayNode array) {
            array.set(leaf.pointer().last().getMatchingIndex(), replacement);
        }
        return copy;
    }

    private JsonNode sample(JsonNode schema, String field, String pointer, int depth) {
        String type = schema.path("type").asText();
        if (depth > 8) {
            return NODES.nullNode();
        }
        if (schema.has("properties") || "object".equals(type)) {
            ObjectNode object = NODES.objectNode();
            schema.path("properties")
                    .fields()
                    .forEachRemaining(e -> object.set(
                            e.getKey(),
                            sample(e.getValue(), join(field, e.getKey()), pointer + "/" + e.getKey(), depth + 1)));
            if (schema.path("additionalProperties").isObject()) {
                object.set(
                        MAP_KEY,
                        sample(
                                schema.get("additionalProperties"),
                                join(field, MAP_KEY),
                                pointer + "/" + MAP_KEY,
                                depth + 1));
            }
            return object;
        }
        if ("array".equals(type)) {
            ArrayNode array = NODES.arrayNode();
            array.add(sample(schema.path("items"), field + "[0]", pointer + "/0", depth + 1));
            return array;
        }
        return leaf(schema, type, field, pointer);
    }

    private JsonNode leaf(JsonNode schema, String type, String field, String pointer) {
        String format = schema.path("format").asText();
        Kind kind;
        JsonNode value;
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            kind = Kind.ENUM;
            value = schema.get("enum").get(0);
        } else if ("integer".equals(type)) {
            kind = Kind.INTEGER;
            value = NODES.numberNode(
                    schema.has("minimum") ? schema.get("minimum").asLong() : 1);
        } else if ("number".equals(type)) {
            kind = Kind.NUMBER;
            value = NODES.numberNode(
                    schema.has("minimum") ? schema.get("minimum").asDouble() : 1.0);
        } else if ("boolean".equals(type)) {
            kind = Kind.BOOLEAN;
            value = NODES.booleanNode(true);
        } else if ("date".equals(format)) {
            kind = Kind.DATE;
            value = NODES.textNode(SAMPLE_DATE);
        } else if ("date-time".equals(format)) {
            kind = Kind.DATE_TIME;
            value = NODES.textNode("2026-01-05T10:00:00Z");
        } else if ("uuid".equals(format)) {
            kind = Kind.UUID;
            value = NODES.textNode(UUID.randomUUID().toString());
        } else {
            kind = Kind.TEXT;
            value = NODES.textNode("probe");
        }
        if (!pointer.isEmpty()) {
            leaves.add(new Leaf(field, JsonPointer.compile(pointer), kind));
        }
        return value;
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
