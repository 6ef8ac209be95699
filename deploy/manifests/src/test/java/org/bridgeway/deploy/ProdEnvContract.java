package org.bridgeway.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables a module needs in production, read from its own configuration (properties
 * and the defaults in its Java sources) and that of the platform modules it depends on: every setting whose in-repository value only fits the devstack
 * (a localhost address, a demo issuer, the devstack's database credentials), every `${VAR}` without
 * a default, and the JWT verification key. A new such setting fails the deploy checks until compose
 * and Kubernetes set it.
 */
final class ProdEnvContract {

    private static final Pattern DEV_ONLY_VALUE = Pattern.compile("localhost|127\\.0\\.0\\.1|\\.local\\b");
    private static final Pattern CREDENTIAL_KEY = Pattern.compile("\\.(username|password)$");
    private static final Pattern REQUIRED_REFERENCE = Pattern.compile("\\$\\{([^}:]+)}");
    private static final Pattern PLATFORM_DEPENDENCY =
            Pattern.compile("<artifactId>(bridgeway-platform[a-z-]*)</artifactId>");

    private ProdEnvContract() {}

    static Set<String> required(String module) {
        Map<String, String> config = new LinkedHashMap<>(SourceDefaults.of(module));
        platformConfig(module, config);
        load(Repo.path(module).resolve("src/main/resources/application.properties"), config);
        Set<String> env = new TreeSet<>();
        config.forEach((key, value) -> {
            if (DEV_ONLY_VALUE.matcher(value).find()
                    || CREDENTIAL_KEY.matcher(key).find()) {
                env.add(envName(key));
            }
            Matcher reference = REQUIRED_REFERENCE.matcher(value);
            while (reference.find()) {
                String name = reference.group(1);
                if (!config.containsKey(name)) {
                    env.add(envName(name));
                }
            }
        });
        if (Repo.read(Repo.path(module).resolve("pom.xml")).contains("quarkus-smallrye-jwt")
                || config.containsKey("mp.jwt.verify.issuer")) {
            env.add("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        }
        return env;
    }

    /** Quarkus' mapping of a property name to an environment variable. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static void platformConfig(String module, Map<String, String> config) {
        Set<String> seen = new TreeSet<>();
        addPlatform(Repo.read(Repo.path(module).resolve("pom.xml")), seen, config);
    }

    private static void addPlatform(String pom, Set<String> seen, Map<String, String> config) {
        Matcher dependency = PLATFORM_DEPENDENCY.matcher(pom.replaceAll("(?s)<parent>.*?</parent>", ""));
        while (dependency.find()) {
            String artifact = dependency.group(1);
            if (seen.add(artifact)) {
                Path dir = platformModule(artifact);
                addPlatform(Repo.read(dir.resolve("pom.xml")), seen, config);
                load(dir.resolve("src/main/resources/META-INF/microprofile-config.properties"), config);
            }
        }
    }

    private static Path platformModule(String artifact) {
        try (Stream<Path> poms = Files.walk(Repo.path("platform"), 3)) {
            return poms.filter(p -> p.getFileName().toString().equals("pom.xml")
                            && !p.toString().contains("/target/"))
                    .filter(p -> Repo.read(p)
                            .replaceAll("(?s)<parent>.*?</parent>", "")
                            .contains("<artifactId>" + artifact + "</artifactId>"))
                    .map(Path::getParent)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no module under platform/ builds " + artifact));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unprofiled and %prod keys; a %prod key wins over its unprofiled twin. */
    private static void load(Path file, Map<String, String> config) {
        if (!Files.exists(file)) {
            return;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repo.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.stringPropertyNames().stream()
                .filter(k -> !k.startsWith("%"))
                .sorted()
                .forEach(k -> config.put(k, properties.getProperty(k)));
        properties.stringPropertyNames().stream()
                .filter(k -> k.startsWith("%prod."))
                .sorted()
                .forEach(k -> config.put(k.substring("%prod.".length()), properties.getProperty(k)));
    }
}
