package org.bridgeway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** deploy/compose and the image recipe, parsed and checked (no Docker engine runs them here). */
class ComposeTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)");
    private static final Set<String> ORDERING = Set.of("service_healthy", "service_completed_successfully");

    private final String composeText = Repo.read("deploy/compose/compose.yaml");
    private final Map<String, Object> compose = new Yaml().load(composeText);
    private final Map<String, Object> services = Tree.map(compose, "services");

    @Test
    void everyModuleIsBuiltFromTheSharedImageRecipeAndIsHealthChecked() {
        for (String module : Repo.deployables()) {
            Map<String, Object> service = Tree.map(services, module);
            assertEquals("deploy/images/Dockerfile", Tree.string(service, "build.dockerfile"), module);
            assertEquals(module, Tree.string(service, "build.args.MODULE"), module);
            assertEquals(module, Workloads.moduleOf(Tree.string(service, "image")), module);
            String port = ApplicationConfig.of(module).getProperty("quarkus.http.port");
            assertTrue(
                    Tree.list(service, "healthcheck.test").contains("http://localhost:" + port + "/q/health/ready"),
                    module);
            assertEquals(true, Tree.at(service, "read_only"), module);
            assertTrue(Tree.list(service, "tmpfs").contains("/tmp"), module);
        }
        assertTrue(Tree.at(services, "postgres.healthcheck.test") != null);
        assertTrue(Tree.at(services, "kafka.healthcheck.test") != null);
    }

    @Test
    void everyVariableAServiceNeedsInProductionIsSet() {
        for (String module : Repo.deployables()) {
            Set<String> missing = new TreeSet<>(ProdEnvContract.required(module));
            missing.removeAll(Tree.map(services, module + ".environment").keySet());
            assertEquals(Set.of(), missing, module + " lacks");
        }
    }

    @Test
    void servicesStartOnlyAfterWhatTheyNeedIsHealthy() {
        services.forEach((name, service) -> Tree.map(service, "depends_on")
                .forEach((dependency, how) ->
                        assertTrue(ORDERING.contains(Tree.string(how, "condition")), name + " -> " + dependency)));
        for (String module : Repo.deployables()) {
            Set<String> required = ProdEnvContract.required(module);
            Map<String, Object> dependsOn = Tree.map(services, module + ".depends_on");
            if (required.contains("QUARKUS_DATASOURCE_JDBC_URL")) {
                assertEquals("service_healthy", Tree.string(dependsOn, "postgres.condition"), module);
            }
            if (required.contains("KAFKA_BOOTSTRAP_SERVERS")) {
                assertEquals(
                        "service_completed_successfully", Tree.string(dependsOn, "kafka-topics.condition"), module);
            }
            Tree.map(services, module + ".environment").forEach((variable, value) -> {
                Matcher upstream = Pattern.compile("http://([a-z-]+):").matcher(String.valueOf(value));
                if (variable.startsWith("BRIDGEWAY_UPSTREAMS_") && upstream.find()) {
                    assertEquals("service_healthy", Tree.string(dependsOn, upstream.group(1) + ".condition"), module);
                }
            });
        }
    }

    @Test
    void theEnvironmentTemplateListsEveryVariableAndHoldsNoSecret() {
        Set<String> referenced = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(composeText);
        while (matcher.find()) {
            referenced.add(matcher.group(1));
        }
        Set<String> listed = new LinkedHashSet<>();
        for (String line : Repo.read("deploy/compose/.env.example").split("\n")) {
            if (line.matches("[A-Z0-9_]+=.*")) {
                String name = line.substring(0, line.indexOf('='));
                listed.add(name);
                if (name.matches(".*(PASSWORD|_KEY|SECRET|TOKEN).*")) {
                    assertEquals(
                            "", line.substring(line.indexOf('=') + 1), name + " must be left empty in the template");
                }
            }
        }
        assertEquals(referenced, new TreeSet<>(listed));
        assertTrue(Repo.read("deploy/compose/.gitignore").lines().anyMatch(".env"::equals));
    }

    @Test
    void topicsAndDatabasesAreThoseTheServicesUse() {
        String topics = Tree.string(services, "kafka-topics.environment.EVENT_TOPICS");
        assertEquals(EventTopics.contracts(), new TreeSet<>(List.of(topics.split(" "))));
        assertTrue(Tree.list(services, "kafka-topics.command").toString().contains("$$topic.dlq"));

        String init = Repo.read("deploy/compose/postgres-init/10-service-databases.sh");
        for (String module : Repo.deployables()) {
            Object url = Tree.at(services, module + ".environment.QUARKUS_DATASOURCE_JDBC_URL");
            if (url != null) {
                String database = url.toString().substring(url.toString().lastIndexOf('/') + 1);
                assertTrue(init.contains("\ncreate " + database + " "), "the init script does not create " + database);
                assertEquals(database, Tree.string(services, module + ".environment.QUARKUS_DATASOURCE_USERNAME"));
            }
        }
    }

    @Test
    void theImageRunsTheFastJarAsANonRootUserSizedByTheContainer() {
        String dockerfile = Repo.read("deploy/images/Dockerfile");
        assertTrue(dockerfile.contains("FROM eclipse-temurin:17-jre"));
        assertTrue(dockerfile.contains("target/quarkus-app/lib/"));
        assertTrue(dockerfile.contains("-XX:MaxRAMPercentage="));
        Matcher user = Pattern.compile("(?m)^ARG UID=(\\d+)$").matcher(dockerfile);
        assertTrue(user.find() && Integer.parseInt(user.group(1)) > 0, "a numeric non-root UID");
        assertTrue(dockerfile.contains("\nUSER ${UID}\n"));
    }
}
