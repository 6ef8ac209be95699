package org.bridgeway.screening.api;

import static io.restassured.RestAssured.given;
import static org.bridgeway.screening.Fixtures.PROBLEM_JSON;
import static org.bridgeway.screening.Fixtures.SCREENINGS;
import static org.bridgeway.screening.Fixtures.as;
import static org.bridgeway.screening.Fixtures.board;
import static org.bridgeway.screening.Fixtures.calmAnswers;
import static org.bridgeway.screening.Fixtures.coordinator;
import static org.bridgeway.screening.Fixtures.response;
import static org.bridgeway.screening.Fixtures.sis;
import static org.bridgeway.screening.OneRosterPackage.CLASSES;
import static org.bridgeway.screening.OneRosterPackage.DEMOGRAPHICS;
import static org.bridgeway.screening.OneRosterPackage.ENROLLMENTS;
import static org.bridgeway.screening.OneRosterPackage.ORGS;
import static org.bridgeway.screening.OneRosterPackage.ROLES;
import static org.bridgeway.screening.OneRosterPackage.USERS;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bridgeway.screening.Db;
import org.bridgeway.screening.OneRosterPackage;
import org.bridgeway.screening.domain.IdentityVault;
import org.junit.jupiter.api.Test;

/**
 * OneRoster 1.2 CSV packages generated here (every file, bulk then delta, bad rows in each file) are imported
 * with the right counts and row errors naming file, line and field; importing a package again changes nothing.
 */
@QuarkusTest
class OneRosterImportTest {

    static final String ROSTER = "/api/v1/screening/boards/{board}/roster";
    static final String ZIP = "application/zip";
    private static final String NOW = "2026-11-29T10:00:00Z";

    @Inject
    IdentityVault vault;

    @Test
    void bulkThenDeltaImportWithRowErrorsAndReimportsThatChangeNothing() {
        String board = board();
        String jsonRef = pushOneStudentAsJson(board);

        JsonPath first = importAndWait(board, bulkPackage());
        assertCounts(
                first,
                Map.of(
                        "totalRows",
                        12,
                        "processed",
                        12,
                        "schools",
                        2,
                        "studentsCreated",
                        6,
                        "studentsUpdated",
                        0,
                        "studentsUnchanged",
                        1,
                        "skipped",
                        1,
                        "studentsDeactivated",
                        0,
                        "failed",
                        9));
        Set<String> bulkErrors = Set.of(
                "orgs.csv:5:type",
                "roles.csv:4:role",
                "classes.csv:4:schoolSourcedId",
                "enrollments.csv:8:classSourcedId",
                "demographics.csv:3:birthDate",
                "users.csv:8:sourcedId",
                "users.csv:9:grades",
                "users.csv:10:status",
                "users.csv:11:givenName");
        assertEquals(bulkErrors, errors(board, first));
        // the user the JSON roster pushed as sisStudentId u0 is the same student, under the same ref
        assertEquals(7, Db.number("SELECT count(*) FROM student WHERE board_id = ?", board));
        assertEquals(
                1, Db.number("SELECT count(*) FROM student WHERE board_id = ? AND student_ref = ?", board, jsonRef));
        assertEquals(2, Db.number("SELECT count(*) FROM school WHERE board_id = ?", board));
        assertStudent(board, "u3", "s-south", 10, "2010-06-01");
        assertStudent(board, "u4", "s-north", 0, "2012-01-01");
        assertStudent(board, "u2", "s-north", 9, null);
        // u11 has no enrollment: roles.csv (where OneRoster 1.2 keeps roles) makes them a student of s-south
        assertStudent(board, "u11", "s-south", 9, null);

        String before = fingerprint(board);
        JsonPath again = importAndWait(board, bulkPackage());
        assertCounts(
                again,
                Map.of(
                        "totalRows",
                        12,
                        "schools",
                        2,
                        "studentsCreated",
                        0,
                        "studentsUpdated",
                        0,
                        "studentsUnchanged",
                        7,
                        "skipped",
                        1,
                        "failed",
                        9));
        assertEquals(bulkErrors, errors(board, again));
        assertEquals(before, fingerprint(board), "re-importing the same package changed stored rows");

        JsonPath delta = importAndWait(board, deltaPackage());
        assertCounts(
                delta,
                Map.of(
                        "totalRows",
                        6,
                        "studentsCreated",
                        1,
                        "studentsUpdated",
                        1,
                        "studentsDeactivated",
                        1,
                        "studentsUnchanged",
                        0,
                        "skipped",
                        1,
                        "failed",
                        2));
        assertEquals(Set.of("users.csv:5:status", "users.csv:6:dateLastModified"), errors(board, delta));
        assertNotNull(deactivatedAt(board, "u1"), "tobedeleted did not deactivate u1");
        assertDeactivatedEverywhere(board, vault.studentRef(board, "u1"));
        assertStudent(board, "u3", "s-south", 11, "2010-06-01");
        assertStudent(board, "u10", "s-north", 9, null);
        assertEquals(8, Db.number("SELECT count(*) FROM student WHERE board_id = ?", board));

        String afterDelta = fingerprint(board);
        JsonPath deltaAgain = importAndWait(board, deltaPackage());
        assertCounts(
                deltaAgain,
                Map.of(
                        "studentsCreated",
                        0,
                        "studentsUpdated",
                        0,
                        "studentsDeactivated",
                        0,
                        "studentsUnchanged",
                        3,
                        "skipped",
                        1,
                        "failed",
                        2));
        assertEquals(afterDelta, fingerprint(board), "re-importing the delta changed stored rows");
        // the roster emits no events: importing wrote nothing to the outbox for these students
        assertEquals(
                0,
                Db.number(
                        "SELECT count(*) FROM outbox_event WHERE event_key = ANY (?)",
                        Db.array(Db.strings("SELECT student_ref FROM student WHERE board_id = ?", board))));
    }

    @Test
    void anImportIsFollowedOnlyFromItsOwnBoard() {
        String board = board();
        String location = importPackage(board, bulkPackage())
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        as(sis(board())).get(location).then().statusCode(404).contentType(PROBLEM_JSON);
        as(sis(board())).get(location + "/errors").then().statusCode(404).contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(sis(board()))
                .contentType(ZIP)
                .body(bulkPackage())
                .post(ROSTER, board)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        awaitImport(board, location);
    }

    @Test
    void theOpenApiDocumentDeclaresTheZipVariantItsAcceptedAnswerAndTheImportResource() {
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> post = doc.getMap("paths.'/api/v1/screening/boards/{boardId}/roster'.post");
        JsonPath roster = JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(post)
                .toString());
        assertTrue(roster.getMap("requestBody.content").containsKey(ZIP), roster.prettify());
        assertTrue(roster.getMap("requestBody.content").containsKey("application/json"), roster.prettify());
        for (String status : List.of("200", "202", "400", "403", "413")) {
            assertTrue(roster.getMap("responses").containsKey(status), status + " undeclared: " + roster.prettify());
        }
        assertNotNull(roster.get("responses.'202'.headers.Location"), roster.prettify());
        assertNotNull(doc.get("paths.'/api/v1/screening/roster-imports/{id}'.get.responses.'200'"));
        assertNotNull(doc.get("paths.'/api/v1/screening/roster-imports/{id}/errors'.get.responses.'200'"));
    }

    /** The students listing shows the student as inactive, and the student takes no new screening. */
    private static void assertDeactivatedEverywhere(String board, String ref) {
        List<Map<String, Object>> students = as(coordinator(board))
                .queryParam("size", 100)
                .get("/api/v1/screening/boards/{board}/students", board)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(
                List.of(false),
                students.stream()
                        .filter(s -> ref.equals(s.get("studentRef")))
                        .map(s -> s.get("active"))
                        .toList());
        assertEquals(
                7,
                students.stream()
                        .filter(s -> Boolean.TRUE.equals(s.get("active")))
                        .count());
        as(sis(board))
                .body(response(ref, "s-north", calmAnswers()))
                .post(SCREENINGS, board)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("studentRef"));
    }

    // --- the packages ----------------------------------------------------------------------------------------------

    private static byte[] bulkPackage() {
        OneRosterPackage p = new OneRosterPackage()
                .manifest(Map.of(
                        "orgs",
                        "bulk",
                        "classes",
                        "bulk",
                        "enrollments",
                        "bulk",
                        "users",
                        "bulk",
                        "demographics",
                        "bulk",
                        "roles",
                        "bulk"))
                .file("orgs", ORGS)
                .row("orgs", "d1", "", "", "Demo District", "district", "", "")
                .row("orgs", "s-north", "", "", "North Secondary", "school", "", "d1")
                .row("orgs", "s-south", "active", "", "South Secondary, \"East\" Campus", "school", "", "d1")
                .row("orgs", "x1", "", "", "Somewhere", "planet", "", "")
                .file("classes", CLASSES)
                .row("classes", "c1", "", "", "Homeroom 9", "09", "", "", "homeroom", "", "s-north", "")
                .row("classes", "c2", "", "", "Homeroom 10", "10", "", "", "homeroom", "", "s-south", "")
                .row("classes", "c3", "", "", "Lost class", "10", "", "", "homeroom", "", "nowhere", "")
                .file("users", USERS);
        user(p, "u1", "", "Ada", "Lovelace", "09");
        user(p, "u2", "", "Brendan", "O'Neil, \"Jr\"", "09");
        user(p, "u3", "", "Chen", "Wu", "10");
        user(p, "t1", "", "Tess", "Teacher", "");
        user(p, "u4", "", "Dara", "Kay", "KG");
        user(p, "u5", "", "Emil", "Ng", "12");
        user(p, "u6", "", "Farah", "Ali", "09");
        user(p, "u7", "", "Gus", "Ode", "ZZ");
        user(p, "u8", "tobedeleted", "Hana", "Ito", "09");
        user(p, "u9", "", "", "Jones", "09");
        user(p, "u0", "", "Zoe", "Json", "09");
        user(p, "u11", "", "Ivy", "Roe", "09");
        p.file("enrollments", ENROLLMENTS);
        enrol(p, "e1", "", "c1", "s-north", "u1", "student");
        enrol(p, "e2", "", "c1", "s-north", "u2", "student");
        enrol(p, "e3", "", "c2", "", "u3", "student");
        enrol(p, "e4", "", "c1", "s-north", "t1", "teacher");
        enrol(p, "e5", "", "c1", "s-north", "u4", "student");
        enrol(p, "e6", "", "c2", "s-south", "u5", "student");
        enrol(p, "e7", "", "c-missing", "", "u6", "student");
        enrol(p, "e8", "", "c1", "s-north", "u7", "student");
        enrol(p, "e9", "", "c1", "s-north", "u8", "student");
        enrol(p, "e10", "", "c1", "s-north", "u9", "student");
        enrol(p, "e11", "", "c1", "s-north", "u0", "student");
        p.file("roles", ROLES)
                .row("roles", "r1", "", "", "u11", "primary", "student", "", "", "s-south", "")
                .row("roles", "r2", "", "", "t1", "primary", "teacher", "", "", "s-north", "")
                .row("roles", "r3", "", "", "u5", "primary", "", "", "", "s-south", "");
        p.file("demographics", DEMOGRAPHICS)
                .row("demographics", "u1", "", "", "2011-04-02", "female")
                .row("demographics", "u2", "", "", "2011-13-45", "male")
                .row("demographics", "u3", "", "", "2010-06-15", "male")
                .row("demographics", "u4", "", "", "2012-01-20", "female")
                .row("demographics", "u5", "", "", "2008-09-09", "male")
                .row("demographics", "u0", "", "", "2011-05-06", "female");
        return p.zip();
    }

    private static byte[] deltaPackage() {
        OneRosterPackage p = new OneRosterPackage()
                .manifest(Map.of("users", "delta", "enrollments", "delta"))
                .file("users", USERS);
        deltaUser(p, "u1", "tobedeleted", NOW, "Ada", "Lovelace", "09");
        deltaUser(p, "u3", "active", NOW, "Chen", "Wu", "11");
        deltaUser(p, "u10", "active", NOW, "Kim", "Lee", "09");
        deltaUser(p, "u4", "", NOW, "Dara", "Kay", "KG");
        deltaUser(p, "u5", "active", "yesterday", "Emil", "Ng", "12");
        deltaUser(p, "ghost", "tobedeleted", NOW, "Nobody", "Known", "");
        p.file("enrollments", ENROLLMENTS);
        enrol(p, "e12", "active", "", "s-north", "u10", "student");
        return p.zip();
    }

    private static void user(OneRosterPackage p, String id, String status, String given, String family, String grade) {
        deltaUser(p, id, status, "", given, family, grade);
    }

    private static void deltaUser(
            OneRosterPackage p, String id, String status, String modified, String given, String family, String grade) {
        p.row(
                "users",
                id,
                status,
                modified,
                "true",
                id + "@example.org",
                "",
                given,
                family,
                "",
                "",
                "",
                "",
                "",
                "",
                grade,
                "",
                "",
                "",
                "",
                "",
                "",
                "");
    }

    private static void enrol(
            OneRosterPackage p, String id, String status, String classId, String school, String user, String role) {
        p.row("enrollments", id, status, status.isEmpty() ? "" : NOW, classId, school, user, role, "false", "", "");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    static Response importPackage(String board, byte[] zip) {
        return given().auth().oauth2(sis(board)).contentType(ZIP).body(zip).post(ROSTER, board);
    }

    private static JsonPath importAndWait(String board, byte[] zip) {
        Response accepted = importPackage(board, zip);
        accepted.then()
                .statusCode(202)
                .header(
                        "Location",
                        endsWith("/api/v1/screening/roster-imports/"
                                + accepted.jsonPath().getString("id")));
        JsonPath done = awaitImport(board, accepted.header("Location"));
        assertEquals("completed", done.getString("status"), done.prettify());
        return done;
    }

    private static JsonPath awaitImport(String board, String location) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonPath progress = as(sis(board))
                    .get(location)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String status = progress.getString("status");
            if (!"accepted".equals(status) && !"processing".equals(status)) {
                return progress;
            }
            assertTrue(Instant.now().isBefore(deadline), "import still " + status);
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void assertCounts(JsonPath progress, Map<String, Integer> expected) {
        Map<String, Integer> actual = expected.keySet().stream().collect(Collectors.toMap(k -> k, progress::getInt));
        assertEquals(expected, actual, progress.prettify());
    }

    /** Every row error as file:line:field. */
    private static Set<String> errors(String board, JsonPath progress) {
        List<Map<String, Object>> items = as(sis(board))
                .queryParam("size", 200)
                .get(progress.getString("errorsUrl"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return items.stream()
                .map(e -> e.get("file") + ":" + e.get("line") + ":" + e.get("field"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private String pushOneStudentAsJson(String board) {
        return as(sis(board))
                .body(Map.of(
                        "schools", List.of(Map.of("schoolId", "s-north", "name", "North Secondary")),
                        "students",
                                List.of(Map.of(
                                        "sisStudentId",
                                        "u0",
                                        "schoolId",
                                        "s-north",
                                        "givenName",
                                        "Zoe",
                                        "familyName",
                                        "Json",
                                        "dateOfBirth",
                                        "2011-05-06",
                                        "grade",
                                        9))))
                .post(ROSTER, board)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("students[0].studentRef");
    }

    private void assertStudent(String board, String sisStudentId, String school, int grade, String birthMonth) {
        String ref = vault.studentRef(board, sisStudentId);
        assertEquals(
                List.of(school + "|" + grade + "|" + birthMonth),
                Db.strings(
                        "SELECT school_id || '|' || grade || '|' || coalesce(birth_month::text, 'null') FROM student"
                                + " WHERE board_id = ? AND student_ref = ?",
                        board,
                        ref),
                sisStudentId);
    }

    private String deactivatedAt(String board, String sisStudentId) {
        return Db.strings(
                        "SELECT deactivated_at::text FROM student WHERE board_id = ? AND student_ref = ?",
                        board,
                        vault.studentRef(board, sisStudentId))
                .get(0);
    }

    /** Everything stored about the board's roster, to compare before and after a re-import. */
    private static String fingerprint(String board) {
        return String.join(
                        "\n",
                        Db.strings(
                                "SELECT student_ref || school_id || coalesce(grade::text, '') || coalesce(birth_month::text, '')"
                                        + " || encode(identity, 'hex') || updated_at::text || coalesce(deactivated_at::text, '')"
                                        + " FROM student WHERE board_id = ? ORDER BY student_ref",
                                board))
                + Db.strings(
                        "SELECT school_id || name || updated_at::text FROM school WHERE board_id = ? ORDER BY school_id",
                        board);
    }
}
