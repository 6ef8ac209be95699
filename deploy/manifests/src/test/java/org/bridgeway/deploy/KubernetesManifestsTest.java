package org.bridgeway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay of deploy/k8s, rendered with `kubectl kustomize`, against the invariants of a safe deployment. */
class KubernetesManifestsTest {

    private static final Map<String, Workloads> RENDERED = new ConcurrentHashMap<>();

    static Workloads overlay(String name) {
        return RENDERED.computeIfAbsent(
                name, n -> new Workloads(n, Kustomize.render(Repo.path("deploy/k8s/overlays/" + n))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyManifestMatchesItsApiSchema(String name) {
        List<String> problems = new ArrayList<>();
        overlay(name).docs().forEach(doc -> problems.addAll(SchemaCheck.problems(doc)));
        assertEquals(List.of(), problems.stream().distinct().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeployableModuleRunsItsOwnImageBehindAService(String name) {
        Workloads workloads = overlay(name);
        assertEquals(
                Set.copyOf(Repo.deployables()), workloads.deploymentsByModule().keySet());
        workloads.deploymentsByModule().forEach((module, deployment) -> {
            boolean exposed = workloads.ofKind("Service").stream()
                    .anyMatch(s -> Tree.selects(
                            Map.of("matchLabels", Tree.map(s, "spec.selector")), Workloads.podLabels(deployment)));
            assertTrue(exposed, module + " has no Service");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void deploymentsAreProbedLimitedAndUnprivileged(String name) {
        List<String> problems = new ArrayList<>();
        overlay(name)
                .deploymentsByModule()
                .forEach((module, deployment) -> problems.addAll(PodRules.problems(module, deployment)));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableAServiceNeedsInProductionIsSet(String name) {
        Workloads workloads = overlay(name);
        workloads.deploymentsByModule().forEach((module, deployment) -> {
            Set<String> missing = new TreeSet<>(ProdEnvContract.required(module));
            missing.removeAll(workloads.envNames(deployment));
            assertEquals(Set.of(), missing, module + " in " + name + " lacks");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretsAreReferencedNeverWrittenDown(String name) {
        Workloads workloads = overlay(name);
        assertEquals(
                List.of(),
                workloads.ofKind("Secret"),
                "Secrets are created outside git (deploy/k8s/create-secrets.sh)");
        for (Map<String, Object> deployment : workloads.ofKind("Deployment")) {
            for (Object env : Tree.list(Workloads.container(deployment), "env")) {
                String variable = Tree.string(env, "name");
                if (variable.matches(".*_(PASSWORD|KEY|SECRET|USERNAME)")) {
                    assertTrue(
                            Tree.at(env, "valueFrom.secretKeyRef.name") != null, variable + " must come from a Secret");
                }
            }
        }
        for (Map<String, Object> configMap : workloads.ofKind("ConfigMap")) {
            Tree.map(configMap, "data")
                    .keySet()
                    .forEach(key -> assertTrue(!key.matches(".*_(PASSWORD|KEY|SECRET)"), key + " belongs in a Secret"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentAutoscalesAndHasADisruptionBudget(String name) {
        Workloads workloads = overlay(name);
        for (Map<String, Object> deployment : workloads.ofKind("Deployment")) {
            String deploymentName = Tree.name(deployment);
            assertTrue(
                    workloads.ofKind("HorizontalPodAutoscaler").stream()
                            .anyMatch(h -> deploymentName.equals(Tree.string(h, "spec.scaleTargetRef.name"))),
                    deploymentName + " has no HPA");
            assertTrue(
                    workloads.ofKind("PodDisruptionBudget").stream()
                            .anyMatch(p -> Tree.selects(Tree.map(p, "spec.selector"), Workloads.podLabels(deployment))),
                    deploymentName + " has no PDB");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void topicsAreExactlyThoseOfTheEventContracts(String name) {
        Set<String> topics = overlay(name).ofKind("KafkaTopic").stream()
                .map(t -> Tree.string(t, "spec.topicName") != null ? Tree.string(t, "spec.topicName") : Tree.name(t))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(EventTopics.withDeadLetters(), topics);
        assertTrue(
                topics.containsAll(EventTopics.consumedByServices()),
                "a service consumes a topic that is not deployed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayReachesTheServicesAndOnlyTheServicesReachTheData(String name) {
        assertEquals(List.of(), new NetworkRules(overlay(name)).problems());
    }
}
