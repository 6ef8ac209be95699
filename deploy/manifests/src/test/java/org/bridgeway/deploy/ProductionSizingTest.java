package org.bridgeway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The prod overlay survives the loss of one node: Kafka and PostgreSQL replicated three ways, backed up. */
class ProductionSizingTest {

    private final Workloads prod = KubernetesManifestsTest.overlay("prod");

    @Test
    void kafkaHasThreeControllersAndThreeBrokersAndRefusesUnderReplicatedWrites() {
        assertEquals(3, nodesWithRole("broker"));
        assertEquals(3, nodesWithRole("controller"));
        Map<String, Object> config = Tree.map(prod.named("Kafka", "bridgeway"), "spec.kafka.config");
        assertEquals(2, config.get("min.insync.replicas"));
        assertEquals(3, config.get("default.replication.factor"));
        assertEquals(false, config.get("auto.create.topics.enable"));
        for (Map<String, Object> topic : prod.ofKind("KafkaTopic")) {
            assertEquals(3, Tree.at(topic, "spec.replicas"), Tree.name(topic));
            assertEquals(2, Tree.map(topic, "spec.config").get("min.insync.replicas"), Tree.name(topic));
            assertTrue(((Number) Tree.at(topic, "spec.partitions")).intValue() >= 1, Tree.name(topic));
        }
    }

    @Test
    void consumerTopicsHaveRoomForEveryConsumerReplica() {
        for (Map<String, Object> hpa : prod.ofKind("HorizontalPodAutoscaler")) {
            int maxReplicas = ((Number) Tree.at(hpa, "spec.maxReplicas")).intValue();
            for (String topic : consumedBy(Tree.string(hpa, "spec.scaleTargetRef.name"))) {
                int partitions = ((Number) Tree.at(prod.named("KafkaTopic", topic), "spec.partitions")).intValue();
                assertTrue(partitions >= maxReplicas, topic + " has fewer partitions than its consumer's max replicas");
            }
        }
    }

    @Test
    void postgresHasThreeInstancesOneDatabasePerServiceAndNightlyBackups() {
        Map<String, Object> cluster = prod.named("Cluster", "bridgeway-db");
        assertEquals(3, Tree.at(cluster, "spec.instances"));
        Set<String> databases = new TreeSet<>();
        databases.add(Tree.string(cluster, "spec.bootstrap.initdb.database"));
        prod.ofKind("Database").forEach(d -> databases.add(Tree.string(d, "spec.name")));
        assertEquals(databasesTheServicesUse(), databases);

        Map<String, Object> backup = prod.named("ScheduledBackup", "bridgeway-db-nightly");
        assertEquals("bridgeway-db", Tree.string(backup, "spec.cluster.name"));
        assertFalse(Tree.string(backup, "spec.schedule").isBlank());
        assertFalse(Tree.list(cluster, "spec.plugins").isEmpty(), "WAL archiving (point-in-time recovery) is off");
    }

    private int nodesWithRole(String role) {
        return prod.ofKind("KafkaNodePool").stream()
                .filter(pool -> Tree.list(pool, "spec.roles").contains(role))
                .mapToInt(pool -> ((Number) Tree.at(pool, "spec.replicas")).intValue())
                .sum();
    }

    private Set<String> consumedBy(String module) {
        Properties config = ApplicationConfig.of(module);
        Set<String> topics = new TreeSet<>();
        config.stringPropertyNames().stream()
                .filter(k -> k.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic"))
                .forEach(k -> topics.add(config.getProperty(k)));
        return topics;
    }

    private Set<String> databasesTheServicesUse() {
        Set<String> databases = new TreeSet<>();
        for (Map<String, Object> deployment : prod.ofKind("Deployment")) {
            for (Object env : Tree.list(Workloads.container(deployment), "env")) {
                if ("QUARKUS_DATASOURCE_JDBC_URL".equals(Tree.string(env, "name"))) {
                    String url = Tree.string(env, "value");
                    databases.add(url.substring(url.lastIndexOf('/') + 1));
                }
            }
        }
        return databases;
    }
}
