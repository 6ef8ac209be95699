package org.bridgeway.deploy;

import java.util.List;
import java.util.Map;

/** Reads parsed YAML (maps and lists) by dotted paths; a missing step gives null. */
final class Tree {

    private Tree() {}

    static Object at(Object node, String path) {
        Object current = node;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String path) {
        Object value = at(node, path);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String path) {
        Object value = at(node, path);
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }

    static String string(Object node, String path) {
        Object value = at(node, path);
        return value == null ? null : value.toString();
    }

    static String kind(Map<String, Object> doc) {
        return string(doc, "kind");
    }

    static String name(Map<String, Object> doc) {
        return string(doc, "metadata.name");
    }

    /** Whether a matchLabels selector (the only form these manifests use) selects these labels. */
    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        if (selector.containsKey("matchExpressions")) {
            throw new AssertionError("matchExpressions are not checked by this test; use matchLabels: " + selector);
        }
        Map<String, Object> wanted = map(selector, "matchLabels");
        return wanted.entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(labels.get(e.getKey()))));
    }
}
