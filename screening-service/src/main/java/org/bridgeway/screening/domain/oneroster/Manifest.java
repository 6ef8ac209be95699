package org.bridgeway.screening.domain.oneroster;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeway.platform.problem.Problem.FieldError;

/**
 * manifest.csv: the versions and, for each file, {@code file.<name> = absent | bulk | delta}. A file the
 * manifest does not list is absent. The import needs users.csv; the other files it reads are optional.
 */
public record Manifest(Map<String, Mode> modes) {

    static final String FILE = "manifest.csv";
    /** The files the import reads, users first: the others only tell it about users' schools and birth dates. */
    public static final List<String> READ = List.of("users", "orgs", "classes", "enrollments", "roles", "demographics");

    public Mode mode(String file) {
        return modes.getOrDefault(file, Mode.ABSENT);
    }

    /**
     * Reads and checks the manifest against the files the package holds.
     *
     * @return the manifest, or field errors naming what is wrong (never both)
     */
    public static Result read(OneRosterZip zip) throws IOException {
        if (!zip.has("manifest")) {
            return new Result(
                    null, List.of(new FieldError(FILE, "is missing: a OneRoster package names its files in it")));
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> properties = new HashMap<>();
        try (InputStream in = zip.open("manifest");
                CsvTable table = CsvTable.open(FILE, in, List.of("propertyName", "value"))) {
            CsvRow row;
            while ((row = table.next()) != null) {
                properties.put(row.get("propertyName"), row.get("value"));
            }
        }
        if (!"1.0".equals(properties.get("manifest.version"))) {
            errors.add(new FieldError(FILE + " manifest.version", "must be 1.0"));
        }
        String version = properties.getOrDefault("oneroster.version", "");
        if (!version.equals("1.2") && !version.startsWith("1.2.")) {
            errors.add(new FieldError(FILE + " oneroster.version", "must be 1.2"));
        }
        Map<String, Mode> modes = new HashMap<>();
        properties.forEach((name, value) -> {
            if (name.startsWith("file.")) {
                Mode.of(value)
                        .ifPresentOrElse(
                                mode -> modes.put(name.substring(5), mode),
                                () -> errors.add(
                                        new FieldError(FILE + " " + safe(name), "must be absent, bulk or delta")));
            }
        });
        Manifest manifest = new Manifest(Map.copyOf(modes));
        if (manifest.mode("users") == Mode.ABSENT) {
            errors.add(new FieldError(FILE + " file.users", "must be bulk or delta: students are read from users.csv"));
        }
        errors.addAll(agreement(manifest, zip.fileNames()));
        return errors.isEmpty() ? new Result(manifest, List.of()) : new Result(null, errors);
    }

    /** Every file announced is in the package, and every file in the package is announced. */
    private static List<FieldError> agreement(Manifest manifest, Set<String> present) {
        List<FieldError> errors = new ArrayList<>();
        for (String file : OneRosterZip.KNOWN_FILES) {
            if (file.equals("manifest")) {
                continue;
            }
            Mode mode = manifest.mode(file);
            if (mode != Mode.ABSENT && !present.contains(file)) {
                errors.add(new FieldError(
                        file + ".csv", "is missing; manifest.csv says file." + file + " is " + mode.value()));
            } else if (mode == Mode.ABSENT && present.contains(file)) {
                errors.add(new FieldError(
                        file + ".csv",
                        "is in the package, yet manifest.csv does not list file." + file + " as bulk or delta"));
            }
        }
        return errors;
    }

    private static String safe(String property) {
        return property.length() <= 64 && property.matches("[A-Za-z0-9._-]+") ? property : "file.*";
    }

    /** A manifest, or why the package cannot be imported. */
    public record Result(Manifest manifest, List<FieldError> errors) {}
}
