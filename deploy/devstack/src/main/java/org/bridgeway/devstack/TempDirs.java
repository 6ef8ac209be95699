package org.bridgeway.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Throwaway directories of tests, system tests and benchmarks. */
public final class TempDirs {

    private TempDirs() {}

    /** Deletes a directory tree, best effort: a temporary directory left behind is harmless. */
    public static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort, see above
        }
    }
}
