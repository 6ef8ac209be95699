package org.bridgeway.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates manifests against the Kubernetes and Strimzi API types (fabric8's model, generated from the
 * Kubernetes OpenAPI schema, and Strimzi's own CRD model): wrong types fail to bind, and a field the API
 * does not know lands in a model's "additional properties", which this check reports with its path.
 * CloudNativePG publishes no Java model or schema package reachable here; its resources are checked
 * by the invariants in the tests instead, and listed in {@link #STRUCTURE_ONLY}.
 */
final class SchemaCheck {

    private static final Map<String, Class<?>> TYPES = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "kafka.strimzi.io/v1/Kafka", Kafka.class,
            "kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class);

    static final Set<String> STRUCTURE_ONLY = Set.of(
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database",
            "postgresql.cnpg.io/v1/ScheduledBackup", "barmancloud.cnpg.io/v1/ObjectStore");

    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private SchemaCheck() {}

    static String typeOf(Map<String, Object> doc) {
        return Tree.string(doc, "apiVersion") + "/" + Tree.kind(doc);
    }

    /** Problems of one manifest; empty when it matches its API type. */
    static List<String> problems(Map<String, Object> doc) {
        String type = typeOf(doc);
        String where = type + " " + Tree.name(doc);
        if (STRUCTURE_ONLY.contains(type)) {
            return List.of();
        }
        Class<?> model = TYPES.get(type);
        if (model == null) {
            return List.of(where + ": no schema known for this apiVersion/kind");
        }
        Object bound;
        try {
            bound = MAPPER.convertValue(doc, model);
        } catch (IllegalArgumentException e) {
            return List.of(where + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        unknownFields(bound, "", where, problems);
        return problems;
    }

    private static void unknownFields(Object node, String path, String where, List<String> problems) {
        if (node == null
                || node instanceof String
                || node instanceof Number
                || node instanceof Boolean
                || node instanceof Enum<?>) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", where, problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, where, problems));
            return;
        }
        if (!isModel(node.getClass())) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !getter.getName().startsWith("get")) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(
                            where + ": unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "." : path));
                }
            } else {
                unknownFields(value, path + "." + property(getter), where, problems);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api.");
    }

    private static Object invoke(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
