package org.bridgeway.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rendered manifests of one overlay, with the lookups the checks share. */
record Workloads(String overlay, List<Map<String, Object>> docs) {

    List<Map<String, Object>> ofKind(String kind) {
        return docs.stream().filter(d -> kind.equals(Tree.kind(d))).toList();
    }

    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream()
                .filter(d -> name.equals(Tree.name(d)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    /** Deployments by the module whose image they run. */
    Map<String, Map<String, Object>> deploymentsByModule() {
        Map<String, Map<String, Object>> byModule = new LinkedHashMap<>();
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            byModule.put(moduleOf(image(deployment)), deployment);
        }
        return byModule;
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        List<Object> containers = Tree.list(deployment, "spec.template.spec.containers");
        if (containers.size() != 1) {
            throw new AssertionError(Tree.name(deployment) + ": expected one container, found " + containers.size());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> container = (Map<String, Object>) containers.get(0);
        return container;
    }

    static String image(Map<String, Object> deployment) {
        return Tree.string(container(deployment), "image");
    }

    /** registry/path/<module>:tag gives module (the tag may be a compose `${VAR:-default}`). */
    static String moduleOf(String image) {
        String withoutTag = image.replaceFirst(":(\\$\\{[^}]*}|[^:/]+)$", "");
        return withoutTag.substring(withoutTag.lastIndexOf('/') + 1);
    }

    static Map<String, Object> podLabels(Map<String, Object> deployment) {
        return Tree.map(deployment, "spec.template.metadata.labels");
    }

    /** The variable names a Deployment's container gets: its env plus the keys of ConfigMaps it imports. */
    List<String> envNames(Map<String, Object> deployment) {
        Map<String, Object> container = container(deployment);
        List<String> names = new ArrayList<>();
        for (Object env : Tree.list(container, "env")) {
            names.add(Tree.string(env, "name"));
        }
        for (Object source : Tree.list(container, "envFrom")) {
            String configMap = Tree.string(source, "configMapRef.name");
            if (configMap == null) {
                throw new AssertionError(
                        Tree.name(deployment) + ": envFrom other than a ConfigMap cannot be checked: " + source);
            }
            names.addAll(Tree.map(named("ConfigMap", configMap), "data").keySet());
        }
        return names;
    }
}
