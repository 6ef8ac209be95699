package org.bridgeway.screening.api;

import static org.bridgeway.screening.Fixtures.PROBLEM_JSON;
import static org.bridgeway.screening.Fixtures.SCREENINGS;
import static org.bridgeway.screening.Fixtures.as;
import static org.bridgeway.screening.Fixtures.awaitBatch;
import static org.bridgeway.screening.Fixtures.batchErrors;
import static org.bridgeway.screening.Fixtures.board;
import static org.bridgeway.screening.Fixtures.calmAnswers;
import static org.bridgeway.screening.Fixtures.enrolOne;
import static org.bridgeway.screening.Fixtures.itemIds;
import static org.bridgeway.screening.Fixtures.postBatch;
import static org.bridgeway.screening.Fixtures.response;
import static org.bridgeway.screening.Fixtures.sis;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bridgeway.screening.Fixtures.Student;
import org.bridgeway.screening.domain.BatchSpool;
import org.junit.jupiter.api.Test;

/** What an SIS export really looks like, and what a hostile one looks like: BOMs, huge rosters, absurd dates, bad rows. */
@QuarkusTest
class HostileUploadsTest {

    @Inject
    BatchSpool spools;

    @Test
    void aCsvWithAByteOrderMarkIsReadLikeOneWithout() {
        String board = board();
        Student student = enrolOne(board, "s1");
        String item = itemIds().get(0);
        String csv = "\ufeffstudentRef,schoolId,instrument,version,administeredOn," + item + "\n" + student.studentRef()
                + ",s1,needs-survey,1," + LocalDate.now().minusDays(1) + ",1\n";
        String location = postBatch(board, "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        JsonPath batch = awaitBatch(board, location);
        assertEquals(List.of(), batchErrors(board, batch));
        assertEquals(1, batch.getInt("succeeded"));
    }

    @Test
    void aRefusedBatchLeavesNoSpoolFileAndStaleOnesAreSwept() throws IOException {
        String board = board();
        List<Path> before = spoolFiles();
        postBatch(board, "application/json", "[]".getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(400);
        postBatch(board, "application/json", "{\"not\": \"an array\"}".getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(400);
        postBatch(board, "text/csv", "no,header,we,know\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(400);
        assertEquals(before, spoolFiles());

        Path stale = Files.createTempFile("bridgeway-batch-", ".csv");
        Path fresh = Files.createTempFile("bridgeway-batch-", ".csv");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        try {
            assertTrue(spools.sweepStale(Instant.now().minus(Duration.ofHours(1))) >= 1);
            assertFalse(Files.exists(stale));
            assertTrue(Files.exists(fresh), "a recent spool file may belong to a batch still running");
        } finally {
            Files.deleteIfExists(fresh);
        }
    }

    @Test
    void theRosterCapIsCheckedWhileTheRosterIsRead() {
        StringBuilder students = new StringBuilder();
        for (int i = 0; i <= 100_000; i++) {
            students.append(i == 0 ? "" : ",")
                    .append("{\"sisStudentId\":\"s")
                    .append(i)
                    .append(
                            "\",\"schoolId\":\"a\",\"givenName\":\"g\",\"familyName\":\"f\",\"dateOfBirth\":\"2012-01-01\"}");
        }
        String body = "{\"schools\":[{\"schoolId\":\"a\",\"name\":\"A\"}],\"students\":[" + students + "]}";
        String board = board();
        as(sis(board))
                .body(body)
                .post("/api/v1/screening/boards/{b}/roster", board)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("does not match the expected JSON"))
                .body("errors[0].field", equalTo("students"))
                .body("errors[0].message", equalTo("must have at most 100000 items"));
    }

    @Test
    void datesAreBoundedToWhatAPersonCouldMean() {
        String board = board();
        for (String birth : List.of(
                "-10000-01-01", "1990-05-05", LocalDate.now().plusDays(3).toString())) {
            as(sis(board))
                    .body(Map.of(
                            "schools",
                            List.of(Map.of("schoolId", "s1", "name", "S")),
                            "students",
                            List.of(Map.of(
                                    "sisStudentId",
                                    "a",
                                    "schoolId",
                                    "s1",
                                    "givenName",
                                    "g",
                                    "familyName",
                                    "f",
                                    "dateOfBirth",
                                    birth))))
                    .post("/api/v1/screening/boards/{b}/roster", board)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("errors.field", hasItem("students[0].dateOfBirth"));
        }
        Student student = enrolOne(board, "s1");
        for (LocalDate day : List.of(LocalDate.of(1999, 12, 31), LocalDate.now().plusDays(3))) {
            as(sis(board))
                    .body(response(student.studentRef(), "s1", calmAnswers(), day))
                    .post(SCREENINGS, board)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("errors.field", hasItem("administeredOn"));
        }
        for (String given : List.of("-10000-01-01", "1999-06-01")) {
            as(sis(board))
                    .body(Map.of("status", "granted", "givenBy", "guardian", "givenOn", given))
                    .put("/api/v1/screening/boards/{b}/students/{ref}/consent", board, student.studentRef())
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("errors.field", hasItem("givenOn"));
        }
    }

    @Test
    void batchRowErrorsSpeakApiNotJava() {
        String board = board();
        Student student = enrolOne(board, "s1");
        String rows = "[{\"instrument\":\"needs-survey\",\"version\":\"one\",\"studentRef\":\"" + student.studentRef()
                + "\",\"schoolId\":\"s1\",\"administeredOn\":\""
                + LocalDate.now().minusDays(1) + "\",\"answers\":{}},"
                + "{\"instrument\":\"needs-survey\",\"version\":1,\"studentRef\":\"" + student.studentRef()
                + "\",\"schoolId\":\"s1\",\"administeredOn\":\"1999-01-01\",\"answers\":{}}]";
        String location = postBatch(board, "application/json", rows.getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        List<Map<String, Object>> errors = batchErrors(board, awaitBatch(board, location));
        assertTrue(
                errors.stream()
                        .anyMatch(e ->
                                "version".equals(e.get("field")) && "must be a whole number".equals(e.get("message"))),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> "administeredOn".equals(e.get("field"))), errors.toString());
        assertTrue(
                errors.stream()
                        .noneMatch(e -> String.valueOf(e.get("message")).matches(".*(java\\.|`|Integer|Cannot).*")),
                errors.toString());
    }

    private static List<Path> spoolFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> found =
                Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), "bridgeway-batch-*")) {
            found.forEach(files::add);
        }
        files.sort(null);
        return files;
    }
}
