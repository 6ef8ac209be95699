package org.bridgeway.screening.api;

import static org.bridgeway.screening.Fixtures.BATCHES;
import static org.bridgeway.screening.Fixtures.PROBLEM_JSON;
import static org.bridgeway.screening.Fixtures.awaitBatch;
import static org.bridgeway.screening.Fixtures.batchErrors;
import static org.bridgeway.screening.Fixtures.board;
import static org.bridgeway.screening.Fixtures.calmAnswers;
import static org.bridgeway.screening.Fixtures.calmWith;
import static org.bridgeway.screening.Fixtures.configuredBytes;
import static org.bridgeway.screening.Fixtures.enrol;
import static org.bridgeway.screening.Fixtures.expectingContinue;
import static org.bridgeway.screening.Fixtures.itemIds;
import static org.bridgeway.screening.Fixtures.padded;
import static org.bridgeway.screening.Fixtures.postBatch;
import static org.bridgeway.screening.Fixtures.response;
import static org.bridgeway.screening.Fixtures.screening;
import static org.bridgeway.screening.Fixtures.severeAnswers;
import static org.bridgeway.screening.Fixtures.sis;
import static org.bridgeway.screening.Fixtures.submit;
import static org.bridgeway.screening.Fixtures.tag;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.screening.Db;
import org.bridgeway.screening.Fixtures.Student;
import org.junit.jupiter.api.Test;

/** Bulk ingest from the SIS: 202 and a batch resource with progress; every bad row reported, never a bad batch. */
@QuarkusTest
class BatchIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHOOL = "s1";

    // --- (a) a large batch -----------------------------------------------------------------------------------------

    @Test
    void fiftyThousandRowsAreStoredWithProgressVisibleWhileRunning() throws Exception {
        String board = board();
        List<Student> students = enrol(board, SCHOOL, 9, 2_000);
        int days = 25;
        String calmJson = json(calmAnswers());
        String severeJson = json(severeAnswers());
        ByteArrayOutputStream body = new ByteArrayOutputStream(32_000_000);
        body.write('[');
        int severe = 0;
        for (int d = 0; d < days; d++) {
            String on = LocalDate.now().minusDays(1 + d).toString();
            for (int i = 0; i < students.size(); i++) {
                boolean flag = i % 20 == d % 20;
                severe += flag ? 1 : 0;
                if (d > 0 || i > 0) {
                    body.write(',');
                }
                body.write(("{\"instrument\":\"needs-survey\",\"version\":1,\"sisStudentId\":\""
                                + students.get(i).sisStudentId()
                                + "\",\"schoolId\":\"" + SCHOOL + "\",\"administeredOn\":\"" + on + "\",\"answers\":"
                                + (flag ? severeJson : calmJson) + "}")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        body.write(']');
        int total = students.size() * days;

        Response accepted = postBatch(board, "application/json", body.toByteArray());
        accepted.then()
                .statusCode(202)
                .header(
                        "Location",
                        endsWith("/api/v1/screening/batches/"
                                + accepted.jsonPath().getString("id")))
                .body("totalRows", equalTo(total))
                .body("format", equalTo("json"));
        String location = accepted.header("Location");

        List<JsonPath> seen = new ArrayList<>();
        JsonPath done = awaitBatch(board, location, Duration.ofMinutes(5), seen::add);

        assertTrue(
                seen.stream()
                        .anyMatch(b -> "processing".equals(b.getString("status"))
                                && b.getInt("processed") > 0
                                && b.getInt("processed") < total),
                "progress was never visible between 0 and " + total + ": "
                        + seen.stream()
                                .map(b -> b.getString("status") + ":" + b.getInt("processed"))
                                .distinct()
                                .toList());
        assertEquals("completed", done.getString("status"), done.prettify());
        assertEquals(total, done.getInt("processed"));
        assertEquals(total, done.getInt("succeeded"));
        assertEquals(0, done.getInt("failed"));
        assertEquals(severe, done.getInt("flagged"));
        assertTrue(batchErrors(board, done).isEmpty());

        UUID batchId = UUID.fromString(done.getString("id"));
        assertEquals(total, Db.number("SELECT count(*) FROM screening WHERE batch_id = ?", batchId));
        assertEquals(severe, Db.number("SELECT count(*) FROM screening WHERE batch_id = ? AND flagged", batchId));
        // each flagged row's event was written with it, in the same chunk transaction
        assertEquals(
                severe,
                Db.number(
                        "SELECT count(*) FROM outbox_event o JOIN screening s ON o.subject = s.id::text"
                                + " WHERE s.batch_id = ? AND o.type = 'org.bridgeway.screening.ScreeningFlagged.v1'",
                        batchId));
    }

    @Test
    void aDuplicateInAnotherChunkIsStoredOnceAndReportedOnceWhileChunksOverlap() throws Exception {
        String board = board();
        List<Student> students = enrol(board, SCHOOL, 9, 1_200);
        String calmJson = json(calmAnswers());
        String on = LocalDate.now().minusDays(3).toString();
        List<String> rows = new ArrayList<>();
        for (Student student : students) {
            rows.add(row(student, on, calmJson));
        }
        // rows 2 and 1,100 (chunks 1 and 3 of 500) are the same student's survey on the same day
        rows.add(1_099, row(students.get(1), on, calmJson));
        Response accepted = postBatch(
                board, "application/json", ("[" + String.join(",", rows) + "]").getBytes(StandardCharsets.UTF_8));
        accepted.then().statusCode(202);
        JsonPath done = awaitBatch(board, accepted.header("Location"), Duration.ofMinutes(2), b -> {});

        assertEquals("completed", done.getString("status"), done.prettify());
        assertEquals(1_201, done.getInt("processed"));
        assertEquals(1_200, done.getInt("succeeded"));
        assertEquals(1, done.getInt("failed"));
        List<Map<String, Object>> errors = batchErrors(board, done);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("administeredOn", errors.get(0).get("field"));
        assertTrue(Set.of(2, 1_100).contains(errors.get(0).get("row")), errors.toString());
        assertEquals(
                1_200,
                Db.number("SELECT count(*) FROM screening WHERE batch_id = ?", UUID.fromString(done.getString("id"))));
    }

    private static String row(Student student, String on, String answers) {
        return "{\"instrument\":\"needs-survey\",\"version\":1,\"sisStudentId\":\"" + student.sisStudentId()
                + "\",\"schoolId\":\"" + SCHOOL + "\",\"administeredOn\":\"" + on + "\",\"answers\":" + answers + "}";
    }

    // --- (b) row errors in JSON ------------------------------------------------------------------------------------

    @Test
    void aDuplicateInTheSameChunkIsStoredOnceAndTheLaterRowReported() throws Exception {
        String board = board();
        List<Student> students = enrol(board, SCHOOL, 9, 3);
        String calmJson = json(calmAnswers());
        String on = LocalDate.now().minusDays(3).toString();
        // one statement stores the whole chunk: its own rows 1 and 3 are the same student's survey on the same day
        List<String> rows = List.of(
                row(students.get(0), on, calmJson),
                row(students.get(1), on, calmJson),
                row(students.get(0), on, calmJson));
        JsonPath done = runBatch(board, "application/json", "[" + String.join(",", rows) + "]");

        assertEquals("completed", done.getString("status"), done.prettify());
        assertEquals(2, done.getInt("succeeded"));
        assertEquals(1, done.getInt("failed"));
        List<Map<String, Object>> errors = batchErrors(board, done);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(3, errors.get(0).get("row"), errors.toString());
        assertEquals("administeredOn", errors.get(0).get("field"));
        assertEquals(
                2,
                Db.number("SELECT count(*) FROM screening WHERE batch_id = ?", UUID.fromString(done.getString("id"))));
    }

    @Test
    void jsonRowErrorsAreReportedWithRowFieldAndMessageAndGoodRowsAreStored() throws Exception {
        String board = board();
        List<Student> s = enrol(board, SCHOOL, 8, 3);
        LocalDate d1 = LocalDate.now().minusDays(3);
        LocalDate d2 = LocalDate.now().minusDays(4);
        LocalDate d3 = LocalDate.now().minusDays(5);
        String stored = submit(board, response(s.get(2), calmAnswers(), d1)).getString("id");

        Map<String, Object> wrongType = response(s.get(0), calmAnswers(), d3);
        wrongType.put("version", "x");
        Map<String, Object> unknownField = response(s.get(1), calmAnswers(), d3);
        unknownField.put("colour", "blue");
        Map<String, Object> unknownStudent = response(null, SCHOOL, calmAnswers(), d1);
        unknownStudent.remove("studentRef");
        unknownStudent.put("sisStudentId", "ghost-" + tag());
        Map<String, Object> unknownVersion = response(s.get(1), calmAnswers(), d2);
        unknownVersion.put("version", 99);

        List<String> rows = List.of(
                json(response(s.get(0), calmAnswers(), d1)), // 1 good
                json(response(s.get(0), calmWith(Map.of("zz9", 3)), d2)), // 2 unknown item
                json(response(s.get(1), calmWith(Map.of("housing1", 9, "home1", 0)), d2)), // 3 two answers out of range
                json(unknownStudent), // 4
                json(unknownVersion), // 5
                json(wrongType), // 6
                "42", // 7 not an object
                json(response(s.get(2), severeAnswers(), d1)), // 8 already stored
                json(response(s.get(1), severeAnswers(), d1)), // 9 good, flagged
                "null", // 10 not an object
                json(unknownField), // 11
                "[\"a\"]"); // 12 not an object
        JsonPath done = runBatch(board, "application/json", "[" + String.join(",\n", rows) + "]");

        assertEquals("completed", done.getString("status"));
        assertEquals(12, done.getInt("totalRows"));
        assertEquals(12, done.getInt("processed"));
        assertEquals(2, done.getInt("succeeded"));
        assertEquals(10, done.getInt("failed"));
        assertEquals(1, done.getInt("flagged"));

        List<Map<String, Object>> errors = batchErrors(board, done);
        assertError(errors, 2, "answers.zz9", "unknown item");
        assertError(errors, 3, "answers.housing1", "must be between 1 and 5");
        assertError(errors, 3, "answers.home1", "must be between 1 and 5");
        assertError(errors, 4, "sisStudentId", "unknown student");
        assertError(errors, 5, "version", "unknown instrument version needs-survey v99");
        assertError(errors, 6, "version", "must be a whole number");
        assertError(errors, 7, "row", "must be a JSON object");
        assertError(errors, 8, "administeredOn", "already recorded");
        assertError(errors, 10, "row", "must be a JSON object");
        assertError(errors, 11, "colour", "");
        assertError(errors, 12, "row", "must be a JSON object");
        assertEquals(Set.of(2, 3, 4, 5, 6, 7, 8, 10, 11, 12), rowsWithErrors(errors));

        UUID batchId = UUID.fromString(done.getString("id"));
        assertEquals(
                Set.of(s.get(0).studentRef(), s.get(1).studentRef()),
                Set.copyOf(Db.strings("SELECT student_ref FROM screening WHERE batch_id = ?", batchId)));
        assertEquals(1, Db.number("SELECT count(*) FROM screening WHERE batch_id = ? AND flagged", batchId));
        // the duplicate did not replace the screening already stored
        assertEquals(
                1,
                Db.number(
                        "SELECT count(*) FROM screening WHERE student_ref = ?",
                        s.get(2).studentRef()));
        JsonPath kept = screening(board, stored);
        assertFalse(kept.getBoolean("flagged"));
    }

    // --- (c) row errors in CSV -------------------------------------------------------------------------------------

    @Test
    void csvUploadStoresGoodRowsTreatsEmptyCellsAsUnansweredAndReportsBadCells() {
        String board = board();
        List<Student> s = enrol(board, SCHOOL, 10, 2);
        List<String> items = itemIds();
        String d1 = LocalDate.now().minusDays(6).toString();
        String d2 = LocalDate.now().minusDays(7).toString();

        Map<String, Integer> calm = calmAnswers();
        Map<String, Integer> severe = severeAnswers();
        List<String> lines = new ArrayList<>();
        lines.add("sisStudentId,schoolId,instrument,version,administeredOn," + String.join(",", items));
        lines.add(
                csvRow(s.get(0).sisStudentId(), "1", d1, items, calm, Map.of("home1", ""))); // 1 good, home1 unanswered
        lines.add(csvRow(s.get(0).sisStudentId(), "1", d2, items, calm, Map.of("home2", "abc"))); // 2 not a number
        lines.add(csvRow(s.get(1).sisStudentId(), "1", d1, items, severe, Map.of())); // 3 good, flagged
        lines.add(csvRow("ghost-" + tag(), "1", d1, items, calm, Map.of())); // 4 unknown student
        lines.add(s.get(1).sisStudentId() + "," + SCHOOL + ",needs-survey,1," + d2); // 5 too few cells
        lines.add(csvRow(s.get(1).sisStudentId(), "x", d2, items, calm, Map.of())); // 6 version not a number
        lines.add(csvRow(s.get(1).sisStudentId(), "1", d2, items, calm, Map.of("housing1", "7"))); // 7 out of range
        JsonPath done = runBatch(board, "text/csv", String.join("\n", lines) + "\n");

        assertEquals("completed", done.getString("status"));
        assertEquals("csv", done.getString("format"));
        assertEquals(7, done.getInt("totalRows"));
        assertEquals(2, done.getInt("succeeded"));
        assertEquals(5, done.getInt("failed"));
        assertEquals(1, done.getInt("flagged"));

        List<Map<String, Object>> errors = batchErrors(board, done);
        assertError(errors, 2, "answers.home2", "must be a whole number");
        assertError(errors, 4, "sisStudentId", "unknown student");
        assertError(errors, 5, "row", "has 5 cells, the header has " + (5 + items.size()));
        assertError(errors, 6, "version", "must be a whole number");
        assertError(errors, 7, "answers.housing1", "must be between 1 and 5");
        assertEquals(Set.of(2, 4, 5, 6, 7), rowsWithErrors(errors));

        UUID batchId = UUID.fromString(done.getString("id"));
        String withGap = Db.strings(
                        "SELECT id FROM screening WHERE batch_id = ? AND student_ref = ?",
                        batchId,
                        s.get(0).studentRef())
                .get(0);
        JsonPath screening = screening(board, withGap);
        assertFalse(screening.getBoolean("flagged"));
        assertEquals(4, screening.getInt("domains.find { it.domain == 'home' }.answered"));
        assertEquals(5, screening.getInt("domains.find { it.domain == 'home' }.items"));
        assertTrue(screening.getBoolean("domains.find { it.domain == 'home' }.complete"));
        assertEquals(
                0,
                Db.number(
                        "SELECT count(*) FROM screening WHERE batch_id = ? AND student_ref = ? AND answers -> 'home1' IS NOT NULL",
                        batchId,
                        s.get(0).studentRef()));
        assertEquals(
                1,
                Db.number(
                        "SELECT count(*) FROM screening WHERE batch_id = ? AND student_ref = ? AND flagged",
                        batchId,
                        s.get(1).studentRef()));
    }

    // --- (d) unreadable batches ------------------------------------------------------------------------------------

    @Test
    void malformedBatchBodiesAre400AndNothingIsStored() {
        String board = board();
        enrol(board, SCHOOL, 9, 1);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("{\"instrument\":\"needs-survey\",\"version\":1}", "application/json");
        bad.put("[{\"instrument\":\"needs-survey\",\"version\":1},", "application/json");
        bad.put("[{\"instrument\":\"needs-survey\"", "application/json");
        bad.put("[1, 2", "application/json");
        bad.put("not json at all", "application/json");
        bad.put("[]", "application/json");
        bad.put("", "application/json");
        bad.put("a,b,c\n1,2,3\n", "text/csv");
        bad.put("sisStudentId,schoolId,instrument,version,administeredOn\n", "text/csv");
        bad.forEach((body, type) -> {
            Response response = postBatch(board, type, body.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, response.statusCode(), type + " body '" + body + "': " + response.asString());
            response.then()
                    .contentType(PROBLEM_JSON)
                    .body("status", equalTo(400))
                    .body("detail", notNullValue());
        });
        assertEquals(0, Db.number("SELECT count(*) FROM batch WHERE board_id = ?", board));
    }

    @Test
    void aBatchOverTheBodyLimitIs413ProblemAndNothingIsStored() {
        String board = board();
        Student student = enrol(board, SCHOOL, 9, 1).get(0);
        String rows =
                "[" + json(response(student, calmAnswers(), LocalDate.now().minusDays(1))) + "]";
        byte[] body = padded(rows, configuredBytes("quarkus.http.limits.max-body-size") + 1024 * 1024);
        expectingContinue(sis(board), "application/json")
                .body(body)
                .post(BATCHES, board)
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(413));
        assertEquals(0, Db.number("SELECT count(*) FROM batch WHERE board_id = ?", board));
        assertEquals(0, Db.number("SELECT count(*) FROM screening WHERE student_ref = ?", student.studentRef()));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static JsonPath runBatch(String board, String contentType, String body) {
        Response accepted = postBatch(board, contentType, body.getBytes(StandardCharsets.UTF_8));
        accepted.then().statusCode(202).header("Location", notNullValue());
        return awaitBatch(board, accepted.header("Location"));
    }

    private static String csvRow(
            String sisStudentId,
            String version,
            String on,
            List<String> items,
            Map<String, Integer> answers,
            Map<String, String> cells) {
        String values = items.stream()
                .map(id -> cells.containsKey(id) ? cells.get(id) : String.valueOf(answers.get(id)))
                .collect(Collectors.joining(","));
        return sisStudentId + "," + SCHOOL + ",needs-survey," + version + "," + on + "," + values;
    }

    private static void assertError(List<Map<String, Object>> errors, int row, String field, String message) {
        assertTrue(
                errors.stream()
                        .anyMatch(e -> Integer.valueOf(row).equals(e.get("row"))
                                && field.equals(e.get("field"))
                                && String.valueOf(e.get("message")).contains(message)),
                "no error for row " + row + ", field " + field + ", message containing '" + message + "' in " + errors);
    }

    private static Set<Integer> rowsWithErrors(List<Map<String, Object>> errors) {
        return errors.stream().map(e -> (Integer) e.get("row")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
