package org.bridgeway.screening.domain.oneroster;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The files of a package the import reads, the columns each must have, and the check of a whole package
 * before any work is accepted: manifest, headers, and every record readable within the bounds.
 */
public final class OneRosterFiles {

    /** The columns the import reads from each file (OneRoster 1.2 names; other columns are ignored). */
    static final Map<String, List<String>> REQUIRED_COLUMNS = Map.of(
            "orgs", List.of("sourcedId", "status", "dateLastModified", "name", "type"),
            "classes", List.of("sourcedId", "status", "dateLastModified", "schoolSourcedId"),
            "enrollments",
                    List.of(
                            "sourcedId",
                            "status",
                            "dateLastModified",
                            "classSourcedId",
                            "schoolSourcedId",
                            "userSourcedId",
                            "role"),
            "demographics", List.of("sourcedId", "status", "dateLastModified", "birthDate"),
            "roles", List.of("sourcedId", "status", "dateLastModified", "userSourcedId", "role", "orgSourcedId"),
            "users", List.of("sourcedId", "status", "dateLastModified", "givenName", "familyName", "grades"));

    private OneRosterFiles() {}

    /** A package that passed the check: its manifest and how many users.csv rows it holds. */
    public record Checked(Manifest manifest, int userRows) {}

    /** @throws MalformedPackageException with every field error found */
    public static Checked check(OneRosterZip zip) throws IOException {
        Manifest.Result read = Manifest.read(zip);
        if (read.manifest() == null) {
            throw new MalformedPackageException(read.errors(), false);
        }
        int users = 0;
        for (String file : Manifest.READ) {
            if (read.manifest().mode(file) != Mode.ABSENT) {
                try (CsvTable table = open(zip, file)) {
                    int rows = table.countRows();
                    users = file.equals("users") ? rows : users;
                }
            }
        }
        return new Checked(read.manifest(), users);
    }

    /** Opens one file of the package with its header checked. */
    public static CsvTable open(OneRosterZip zip, String file) throws IOException {
        InputStream in = zip.open(file);
        try {
            return CsvTable.open(file + ".csv", in, REQUIRED_COLUMNS.get(file));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
