package org.bridgeway.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * NetworkPolicy invariants: everything is denied by default; a service is reachable only from the
 * workloads configured to call it (the gateway, and a service whose environment names its address) and
 * from Prometheus' namespace, and each of those callers is let in; only the services that need
 * PostgreSQL or Kafka reach them.
 */
final class NetworkRules {

    private static final String GATEWAY = "gateway";
    private static final String MONITORING_LABEL = "bridgeway.org/monitoring";

    private final Workloads workloads;
    private final List<String> problems = new ArrayList<>();

    NetworkRules(Workloads workloads) {
        this.workloads = workloads;
    }

    List<String> problems() {
        boolean defaultDeny = workloads.ofKind("NetworkPolicy").stream()
                .anyMatch(p -> Tree.map(p, "spec.podSelector").isEmpty()
                        && Tree.list(p, "spec.policyTypes").contains("Ingress")
                        && Tree.list(p, "spec.ingress").isEmpty());
        if (!defaultDeny) {
            problems.add("no default-deny ingress policy");
        }
        workloads.deploymentsByModule().forEach(this::checkWorkload);
        checkPostgres();
        checkKafka();
        return problems;
    }

    private void checkWorkload(String module, Map<String, Object> deployment) {
        List<Object> rules = rulesFor(Workloads.podLabels(deployment));
        if (rules.isEmpty()) {
            problems.add(module + ": no policy lets anything reach it");
        }
        if (module.equals(GATEWAY)) {
            return;
        }
        Set<String> callers = callersOf(deployment);
        Set<String> admitted = new TreeSet<>();
        for (Object rule : rules) {
            List<Object> peers = Tree.list(rule, "from");
            if (peers.isEmpty()) {
                problems.add(module + ": a policy admits every source");
            }
            for (Object peer : peers) {
                boolean fromMonitoring = Tree.at(peer, "podSelector") == null
                        && Tree.map(peer, "namespaceSelector.matchLabels").containsKey(MONITORING_LABEL);
                Set<String> from = Tree.at(peer, "namespaceSelector") == null
                        ? selectedModules(Tree.map(peer, "podSelector"))
                        : Set.of();
                if (!fromMonitoring && (from.isEmpty() || !callers.containsAll(from))) {
                    problems.add(module + ": reachable from " + peer + ", not only from its callers " + callers);
                }
                admitted.addAll(from);
            }
        }
        if (!admitted.containsAll(callers)) {
            problems.add(module + ": its callers " + callers + " are not all let in (only " + admitted + ")");
        }
    }

    /** The workloads whose environment holds an http:// address of one of this workload's Services. */
    private Set<String> callersOf(Map<String, Object> deployment) {
        Set<String> services = new TreeSet<>();
        workloads.ofKind("Service").stream()
                .filter(s -> Tree.selects(
                        Map.of("matchLabels", Tree.map(s, "spec.selector")), Workloads.podLabels(deployment)))
                .forEach(s -> services.add(Tree.name(s)));
        Set<String> callers = new TreeSet<>();
        workloads.deploymentsByModule().forEach((module, other) -> {
            for (Object env : Tree.list(Workloads.container(other), "env")) {
                String value = String.valueOf(Tree.string(env, "value"));
                if (services.stream().anyMatch(name -> value.contains("://" + name + ":"))) {
                    callers.add(module);
                }
            }
        });
        return callers;
    }

    private void checkPostgres() {
        for (Map<String, Object> cluster : workloads.ofKind("Cluster")) {
            List<Object> rules = rulesFor(Map.of("cnpg.io/cluster", Tree.name(cluster)));
            Set<String> clients = new TreeSet<>();
            for (Object rule : rules) {
                for (Object peer : Tree.list(rule, "from")) {
                    if (Tree.at(peer, "podSelector") != null && Tree.at(peer, "namespaceSelector") == null) {
                        clients.addAll(selectedModules(Tree.map(peer, "podSelector")));
                    }
                }
                if (Tree.list(rule, "from").isEmpty()) {
                    problems.add("PostgreSQL admits every source");
                }
            }
            if (rules.isEmpty()) {
                problems.add("no policy guards PostgreSQL " + Tree.name(cluster));
            }
            expectClients("PostgreSQL", clients, "QUARKUS_DATASOURCE_JDBC_URL");
        }
    }

    private void checkKafka() {
        for (Map<String, Object> kafka : workloads.ofKind("Kafka")) {
            for (Object listener : Tree.list(kafka, "spec.kafka.listeners")) {
                List<Object> peers = Tree.list(listener, "networkPolicyPeers");
                Set<String> clients = new TreeSet<>();
                peers.forEach(p -> clients.addAll(selectedModules(Tree.map(p, "podSelector"))));
                if (peers.isEmpty() || peers.stream().anyMatch(p -> Tree.at(p, "podSelector") == null)) {
                    problems.add("Kafka listener " + Tree.string(listener, "name") + " must name its client pods");
                }
                expectClients("Kafka listener " + Tree.string(listener, "name"), clients, "KAFKA_BOOTSTRAP_SERVERS");
            }
        }
    }

    private void expectClients(String what, Set<String> clients, String variable) {
        Set<String> needed = new TreeSet<>();
        workloads.deploymentsByModule().keySet().stream()
                .filter(m -> ProdEnvContract.required(m).contains(variable))
                .forEach(needed::add);
        if (!clients.equals(needed)) {
            problems.add(what + " is reachable from " + clients + " but only " + needed + " need it");
        }
    }

    private List<Object> rulesFor(Map<String, Object> podLabels) {
        List<Object> rules = new ArrayList<>();
        for (Map<String, Object> policy : workloads.ofKind("NetworkPolicy")) {
            if (Tree.selects(Tree.map(policy, "spec.podSelector"), podLabels)) {
                rules.addAll(Tree.list(policy, "spec.ingress"));
            }
        }
        return rules;
    }

    private Set<String> selectedModules(Map<String, Object> selector) {
        Set<String> modules = new TreeSet<>();
        workloads.deploymentsByModule().forEach((module, deployment) -> {
            if (Tree.selects(selector, Workloads.podLabels(deployment))) {
                modules.add(module);
            }
        });
        return modules;
    }
}
