package org.bridgeway.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What every workload's pod must have: the three health probes, requests and limits, no privileges. */
final class PodRules {

    private static final Map<String, String> PROBES = Map.of(
            "startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");

    private PodRules() {}

    static List<String> problems(String module, Map<String, Object> deployment) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> pod = Tree.map(deployment, "spec.template.spec");
        Map<String, Object> container = Workloads.container(deployment);
        List<String> ports = Tree.list(container, "ports").stream()
                .map(p -> Tree.string(p, "name"))
                .toList();
        PROBES.forEach((probe, path) -> {
            if (!path.equals(Tree.string(container, probe + ".httpGet.path"))) {
                problems.add(module + ": " + probe + " must GET " + path);
            } else if (!ports.contains(Tree.string(container, probe + ".httpGet.port"))) {
                problems.add(module + ": " + probe + " targets a port the container does not declare");
            }
        });
        for (String resource : List.of("limits.cpu", "limits.memory", "requests.cpu", "requests.memory")) {
            if (Tree.at(container, "resources." + resource) == null) {
                problems.add(module + ": no resources." + resource);
            }
        }
        if (!Boolean.TRUE.equals(Tree.at(pod, "securityContext.runAsNonRoot"))) {
            problems.add(module + ": pod securityContext.runAsNonRoot must be true");
        }
        Object user = Tree.at(pod, "securityContext.runAsUser");
        if (user == null || Integer.parseInt(user.toString()) == 0) {
            problems.add(module + ": pod must run as a numeric non-root user");
        }
        if (!Boolean.TRUE.equals(Tree.at(container, "securityContext.readOnlyRootFilesystem"))) {
            problems.add(module + ": readOnlyRootFilesystem must be true");
        }
        if (!Boolean.FALSE.equals(Tree.at(container, "securityContext.allowPrivilegeEscalation"))) {
            problems.add(module + ": allowPrivilegeEscalation must be false");
        }
        if (!Tree.list(container, "securityContext.capabilities.drop").contains("ALL")) {
            problems.add(module + ": capabilities must drop ALL");
        }
        boolean writableTmp =
                Tree.list(container, "volumeMounts").stream().anyMatch(m -> "/tmp".equals(Tree.string(m, "mountPath")));
        if (!writableTmp) {
            problems.add(module
                    + ": /tmp must be a mounted volume (bulk uploads spool there; the root file system is read-only)");
        }
        return problems;
    }
}
