package org.bridgeway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository the manifests describe: its root, and the modules that are deployed as images. */
final class Repo {

    static final Path ROOT = locateRoot();

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private Repo() {}

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every reactor module packaged by Quarkus: each must have an image, a Deployment and a compose service. */
    static List<String> deployables() {
        List<String> modules = new ArrayList<>();
        Matcher matcher = MODULE.matcher(read("pom.xml"));
        while (matcher.find()) {
            String module = matcher.group(1);
            Path pom = path(module).resolve("pom.xml");
            if (Files.exists(pom)
                    && read(pom).contains("<artifactId>quarkus-maven-plugin</artifactId>")
                    && Files.exists(path(module).resolve("src/main/resources/application.properties"))
                    && !module.contains("/")) {
                modules.add(module);
            }
        }
        return modules;
    }

    private static Path locateRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            if (Files.exists(pom)
                    && read(pom).contains("<artifactId>bridgeway-parent</artifactId>")
                    && Files.isDirectory(dir.resolve("deploy/k8s"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "not inside the Bridgeway repository: " + Path.of("").toAbsolutePath());
    }
}
