package org.bridgeway.screening.api;

import static org.bridgeway.screening.Fixtures.PROBLEM_JSON;
import static org.bridgeway.screening.Fixtures.SCREENINGS;
import static org.bridgeway.screening.Fixtures.admin;
import static org.bridgeway.screening.Fixtures.as;
import static org.bridgeway.screening.Fixtures.board;
import static org.bridgeway.screening.Fixtures.calmAnswers;
import static org.bridgeway.screening.Fixtures.enrolOne;
import static org.bridgeway.screening.Fixtures.postBatch;
import static org.bridgeway.screening.Fixtures.response;
import static org.bridgeway.screening.Fixtures.sis;
import static org.bridgeway.screening.Fixtures.tag;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.screening.Db;
import org.bridgeway.screening.Fixtures.Student;
import org.bridgeway.screening.store.RosterStore;
import org.junit.jupiter.api.Test;

/** One board never reaches, overwrites or learns about another board's students, screenings and batches. */
@QuarkusTest
class TenantIsolationTest {

    @Inject
    RosterStore roster;

    private static Map<String, Object> roster(String sisId) {
        return Map.of(
                "schools",
                List.of(Map.of("schoolId", "s1", "name", "School one")),
                "students",
                List.of(Map.of(
                        "sisStudentId",
                        sisId,
                        "schoolId",
                        "s1",
                        "givenName",
                        "Ada",
                        "familyName",
                        "Byron",
                        "dateOfBirth",
                        "2012-03-04",
                        "grade",
                        8)));
    }

    @Test
    void boardsCannotShareAPseudonymNorOverwriteEachOthersStudents() throws Exception {
        String boardX = "x" + tag();
        String ref = as(sis(boardX))
                .body(roster("c:SC"))
                .post("/api/v1/screening/boards/{b}/roster", boardX)
                .then()
                .statusCode(200)
                .extract()
                .path("students[0].studentRef");
        byte[] identity = identity(ref);

        // The board "X:c" with SIS id "SC" once derived the same ref; a ':' can no longer be in a board id.
        as(admin())
                .body(roster("SC"))
                .post("/api/v1/screening/boards/{b}/roster", boardX + ":c")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("boardId"));

        // Whatever derived a colliding ref, the upsert of another board never touches this row.
        String otherBoard = "y" + tag();
        QuarkusTransaction.requiringNew().run(() -> {
            roster.upsertSchools(otherBoard, List.of(new RosterStore.SchoolRow("s1", "Other school")));
            roster.upsertStudents(
                    otherBoard,
                    List.of(new RosterStore.StudentRow(
                            ref,
                            "s1",
                            12,
                            LocalDate.of(2010, 1, 1),
                            "not the identity".getBytes(StandardCharsets.UTF_8))));
            assertEquals(
                    java.util.Set.of(),
                    roster.existing(otherBoard, List.of(ref)),
                    "another board's student is not 'existing'");
        });
        assertArrayEquals(identity, identity(ref));
        assertEquals(List.of(boardX), Db.strings("SELECT board_id FROM student WHERE student_ref = ?", ref));
    }

    @Test
    void anIdempotencyKeyIsScopedToTheRouteItWasUsedOn() {
        String boardA = board();
        String boardB = board();
        Student student = enrolOne(boardA, "s1");
        Map<String, Object> body = response(student.studentRef(), "s1", calmAnswers());
        String key = "k-" + UUID.randomUUID();
        String first = as(admin())
                .header("Idempotency-Key", key)
                .body(body)
                .post(SCREENINGS, boardA)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // The same subject, key and body on another board's route is another request: never board A's screening.
        as(admin())
                .header("Idempotency-Key", key)
                .body(body)
                .post(SCREENINGS, boardB)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .header("Idempotent-Replayed", nullValue());
        as(admin())
                .header("Idempotency-Key", key)
                .body(body)
                .post(SCREENINGS, boardA)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
    }

    @Test
    void aBatchOfAnotherBoardIsAsAbsentAsAMissingOne() {
        String boardA = board();
        Student student = enrolOne(boardA, "s1");
        String csv = "studentRef,schoolId,instrument,version,administeredOn\n" + student.studentRef()
                + ",s1,needs-survey,1," + LocalDate.now().minusDays(1) + "\n";
        String location = postBatch(boardA, "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        String boardB = board();
        for (String path : List.of(location, location + "/errors")) {
            as(sis(boardB)).get(path).then().statusCode(404).contentType(PROBLEM_JSON);
        }
        as(sis(boardB))
                .get("/api/v1/screening/batches/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        as(sis(boardA)).get(location).then().statusCode(200);
    }

    private static byte[] identity(String ref) throws Exception {
        try (var c = Db.connect();
                var select = c.prepareStatement("SELECT identity FROM student WHERE student_ref = ?")) {
            select.setString(1, ref);
            try (var rs = select.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }
}
