package org.bridgeway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Defaults written in a module's Java sources rather than its properties: {@code @ConfigProperty(defaultValue)}
 * and {@code @WithDefault} on {@code @ConfigMapping} interfaces, as property name to default value.
 * The mapping's property names follow SmallRye's rules: prefix, then each accessor in kebab case.
 */
final class SourceDefaults {

    private static final Pattern CONFIG_PROPERTY =
            Pattern.compile("@ConfigProperty\\(name\\s*=\\s*\"([^\"]+)\"\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern MAPPING_PREFIX =
            Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)\\s*(?:public\\s+)?interface\\s+(\\w+)");
    private static final Pattern INTERFACE = Pattern.compile("interface\\s+(\\w+)[^{]*\\{");
    private static final Pattern ACCESSOR = Pattern.compile(
            "(?:@WithDefault\\(\"([^\"]*)\"\\)\\s*)?(?:@\\w+(?:\\([^)]*\\))?\\s*)*([\\w.<>]+)\\s+(\\w+)\\(\\)\\s*;");

    private SourceDefaults() {}

    static Map<String, String> of(String module) {
        Map<String, String> defaults = new LinkedHashMap<>();
        try (Stream<Path> sources = Files.walk(Repo.path(module).resolve("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String java = Repo.read(source)
                        .replaceAll("(?s)(?<![\"/\\w])/\\*.*?\\*/", "")
                        .replaceAll("(?m)^\\s*//[^\n]*", "");
                Matcher property = CONFIG_PROPERTY.matcher(java);
                while (property.find()) {
                    defaults.put(property.group(1), property.group(2));
                }
                Matcher mapping = MAPPING_PREFIX.matcher(java);
                if (mapping.find()) {
                    walk(interfaces(java), mapping.group(2), mapping.group(1), defaults);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return defaults;
    }

    /** Interface name to its own body (nested interfaces cut out). */
    private static Map<String, String> interfaces(String java) {
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher start = INTERFACE.matcher(java);
        while (start.find()) {
            StringBuilder own = new StringBuilder();
            int depth = 1;
            for (int i = start.end(); i < java.length() && depth > 0; i++) {
                char c = java.charAt(i);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 1 && c != '}') {
                    own.append(c);
                }
            }
            bodies.put(start.group(1), own.toString());
        }
        return bodies;
    }

    private static void walk(Map<String, String> bodies, String type, String prefix, Map<String, String> defaults) {
        Matcher accessor = ACCESSOR.matcher(bodies.getOrDefault(type, ""));
        while (accessor.find()) {
            String name = prefix + "." + kebab(accessor.group(3));
            String returned = accessor.group(2);
            if (bodies.containsKey(returned)) {
                walk(bodies, returned, name, defaults);
            } else if (accessor.group(1) != null) {
                defaults.put(name, accessor.group(1));
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
