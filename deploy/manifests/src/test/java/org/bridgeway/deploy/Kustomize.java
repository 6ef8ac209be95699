package org.bridgeway.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** Renders a kustomization with the kubectl on the PATH, exactly as `kubectl apply -k` would. */
final class Kustomize {

    static final String INSTALL_HINT =
            "kubectl 1.21 or later (with kustomize v4+) is needed to render deploy/k8s; no cluster is"
                    + " contacted. The java-maven machine image has one (Debian's kubernetes-client 1.20 is too old for these overlays).";
    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)");
    private static volatile boolean checked;

    private Kustomize() {}

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(Path kustomization) {
        requireRecentKustomize();
        String out = run("kubectl", "kustomize", kustomization.toString());
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(out)) {
            if (doc != null) {
                documents.add((Map<String, Object>) doc);
            }
        }
        return documents;
    }

    private static void requireRecentKustomize() {
        if (checked) {
            return;
        }
        Matcher version = KUSTOMIZE_VERSION.matcher(run("kubectl", "version", "--client"));
        if (!version.find() || Integer.parseInt(version.group(1)) < 4) {
            throw new AssertionError(INSTALL_HINT + " Found: "
                    + (version.find(0) ? "kustomize v" + version.group(1) : "no kustomize version"));
        }
        checked = true;
    }

    private static String run(String... command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notFound) {
            throw new AssertionError(INSTALL_HINT + " (" + notFound.getMessage() + ")", notFound);
        }
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
