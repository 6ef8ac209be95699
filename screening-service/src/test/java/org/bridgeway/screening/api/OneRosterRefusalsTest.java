package org.bridgeway.screening.api;

import static org.bridgeway.screening.Fixtures.PROBLEM_JSON;
import static org.bridgeway.screening.Fixtures.board;
import static org.bridgeway.screening.OneRosterPackage.USERS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.bridgeway.screening.Db;
import org.bridgeway.screening.OneRosterPackage;
import org.junit.jupiter.api.Test;

/**
 * A package that cannot be imported is a 4xx problem+json naming what is wrong, and leaves nothing stored: no
 * import, no school, no student. The bounds (4 MB inflated, 32 files) are the test profile's.
 */
@QuarkusTest
class OneRosterRefusalsTest {

    private static final byte[] USERS_CSV = (USERS + "\r\n").getBytes(StandardCharsets.UTF_8);

    @Test
    void pathTraversalAndFoldersAreRefused() {
        assertRefused(
                400, "zip entry", minimal().entry("../users.csv", USERS_CSV).zip());
        assertRefused(
                400, "zip entry", minimal().entry("/etc/users.csv", USERS_CSV).zip());
        assertRefused(
                400, "zip entry", minimal().entry("export/users.csv", USERS_CSV).zip());
        assertRefused(
                400, "zip entry", minimal().entry("..\\users.csv", USERS_CSV).zip());
    }

    @Test
    void aMissingManifestOrFileOrColumnIsRefused() {
        assertRefused(
                400,
                "manifest.csv",
                new OneRosterPackage().entry("users.csv", USERS_CSV).zip());
        // the manifest says users is bulk, the package has no users.csv
        assertRefused(
                400,
                "users.csv",
                new OneRosterPackage().manifest(Map.of("users", "bulk")).zip());
        // a file the manifest marks absent
        assertRefused(
                400, "orgs.csv", minimal().file("orgs", OneRosterPackage.ORGS).zip());
        // users.csv cannot be absent: it is where students are
        assertRefused(
                400,
                "manifest.csv file.users",
                new OneRosterPackage().manifest(Map.of()).zip());
        assertRefused(
                400,
                "users.csv",
                new OneRosterPackage()
                        .manifest(Map.of("users", "bulk"))
                        .file("users", "sourcedId,givenName")
                        .zip());
        assertRefused(
                400, "notes.txt", minimal().entry("notes.txt", new byte[] {1}).zip());
        assertRefused(400, "body", "PK but not a zip at all".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aZipBombAndTooManyFilesAreRefusedAsTooLarge() {
        byte[] bomb = withInflatingDemographics();
        // five megabytes of spaces compress to a few kilobytes: the bound is on what the files inflate to
        assertTrue(bomb.length < 64 * 1024, "the bomb is " + bomb.length + " bytes");
        assertRefused(413, "demographics.csv", bomb);
        OneRosterPackage many = minimal();
        for (int i = 0; i < 40; i++) {
            many.entry("courses" + i + ".csv", new byte[] {'x'});
        }
        assertRefused(413, "body", many.zip());
    }

    /** A valid package that imports no one: a manifest with users bulk and a users.csv header. */
    private static OneRosterPackage minimal() {
        return new OneRosterPackage().manifest(Map.of("users", "bulk")).file("users", USERS);
    }

    /** A package whose demographics.csv is a header and five megabytes of spaces. */
    private static byte[] withInflatingDemographics() {
        byte[] header = (OneRosterPackage.DEMOGRAPHICS + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = Arrays.copyOf(header, header.length + 5 * 1024 * 1024);
        Arrays.fill(file, header.length, file.length, (byte) ' ');
        return new OneRosterPackage()
                .manifest(Map.of("users", "bulk", "demographics", "bulk"))
                .file("users", USERS)
                .entry("demographics.csv", file)
                .zip();
    }

    private static void assertRefused(int status, String field, byte[] zip) {
        String board = board();
        OneRosterImportTest.importPackage(board, zip)
                .then()
                .statusCode(status)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field));
        assertEquals(0, Db.number("SELECT count(*) FROM roster_import WHERE board_id = ?", board));
        assertEquals(0, Db.number("SELECT count(*) FROM school WHERE board_id = ?", board));
        assertEquals(0, Db.number("SELECT count(*) FROM student WHERE board_id = ?", board));
    }
}
