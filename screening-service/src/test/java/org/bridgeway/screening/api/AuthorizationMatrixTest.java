package org.bridgeway.screening.api;

import static io.restassured.RestAssured.given;
import static org.bridgeway.screening.Fixtures.PROBLEM_JSON;
import static org.bridgeway.screening.Fixtures.admin;
import static org.bridgeway.screening.Fixtures.analyst;
import static org.bridgeway.screening.Fixtures.as;
import static org.bridgeway.screening.Fixtures.board;
import static org.bridgeway.screening.Fixtures.calmAnswers;
import static org.bridgeway.screening.Fixtures.consent;
import static org.bridgeway.screening.Fixtures.coordinator;
import static org.bridgeway.screening.Fixtures.enrolOne;
import static org.bridgeway.screening.Fixtures.instrument;
import static org.bridgeway.screening.Fixtures.partner;
import static org.bridgeway.screening.Fixtures.response;
import static org.bridgeway.screening.Fixtures.severeAnswers;
import static org.bridgeway.screening.Fixtures.sis;
import static org.bridgeway.screening.Fixtures.staff;
import static org.bridgeway.screening.Fixtures.submit;
import static org.bridgeway.screening.Fixtures.tag;
import static org.bridgeway.screening.Fixtures.uniqueDay;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.events.CloudEvents;
import org.bridgeway.events.Topics;
import org.bridgeway.screening.Db;
import org.bridgeway.screening.Fixtures.Student;
import org.bridgeway.testing.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may call what: every screening endpoint against every role, then object-level checks and the consent gate. */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String SCHOOL_A = "sa";
    private static final String SCHOOL_B = "sb";
    private static final String BASE = "/api/v1/screening";

    enum Who {
        SIS,
        STAFF_A,
        STAFF_B,
        COORDINATOR,
        PARTNER,
        ANALYST,
        ADMIN,
        OTHER_BOARD_COORDINATOR
    }

    /** One board with a student (consent granted) and a screening in school A, and a student in school B. */
    record World(String board, Student a, Student b, String screeningA, String batchLocation, Map<Who, String> tokens) {

        String token(Who who) {
            return tokens.get(who);
        }
    }

    private static World world;

    private static synchronized World world() {
        if (world == null) {
            String board = board();
            Student a = enrolOne(board, SCHOOL_A);
            Student b = enrolOne(board, SCHOOL_B);
            consent(board, a.studentRef(), "granted");
            String screeningA = submit(board, a, severeAnswers());
            String batch = given().auth()
                    .oauth2(sis(board))
                    .contentType("text/csv")
                    .body(batchCsv(a).getBytes(StandardCharsets.UTF_8))
                    .post(BASE + "/boards/{b}/batches", board)
                    .then()
                    .statusCode(202)
                    .extract()
                    .header("Location");
            Map<Who, String> tokens = new EnumMap<>(Who.class);
            tokens.put(Who.SIS, sis(board));
            tokens.put(Who.STAFF_A, staff(board, SCHOOL_A));
            tokens.put(Who.STAFF_B, staff(board, SCHOOL_B));
            tokens.put(Who.COORDINATOR, coordinator(board));
            tokens.put(Who.PARTNER, partner("org-" + tag()));
            tokens.put(Who.ANALYST, analyst(board));
            tokens.put(Who.ADMIN, admin());
            tokens.put(Who.OTHER_BOARD_COORDINATOR, coordinator(board()));
            world = new World(board, a, b, screeningA, batch, tokens);
        }
        return world;
    }

    private static String batchCsv(Student student) {
        return "studentRef,schoolId,instrument,version,administeredOn,housing1,housing2,housing4\n"
                + student.studentRef() + "," + student.schoolId() + ",needs-survey,1," + uniqueDay() + ",1,1,1\n";
    }

    /** Expected status per caller: {@code otherwise} unless listed. */
    private static Map<Who, Integer> expect(int otherwise, Object... statusThenWhos) {
        Map<Who, Integer> expected = new EnumMap<>(Who.class);
        Arrays.stream(Who.values()).forEach(w -> expected.put(w, otherwise));
        int status = otherwise;
        for (Object o : statusThenWhos) {
            if (o instanceof Integer s) {
                status = s;
            } else {
                expected.put((Who) o, status);
            }
        }
        return expected;
    }

    enum Endpoint {
        ROSTER_POST(expect(403, 200, Who.SIS, Who.ADMIN)) {
            Response call(World w, String token) {
                return as(token)
                        .body(Map.of(
                                "schools",
                                List.of(Map.of("schoolId", SCHOOL_A, "name", "School " + SCHOOL_A)),
                                "students",
                                List.of()))
                        .post(BASE + "/boards/{b}/roster", w.board());
            }
        },
        STUDENTS_GET(expect(403, 200, Who.STAFF_A, Who.STAFF_B, Who.COORDINATOR, Who.ADMIN)) {
            Response call(World w, String token) {
                return as(token).get(BASE + "/boards/{b}/students", w.board());
            }
        },
        CONSENT_PUT(expect(403, 200, Who.SIS, Who.COORDINATOR, Who.ADMIN)) {
            Response call(World w, String token) {
                return as(token)
                        .body(Map.of("status", "granted", "givenBy", "guardian"))
                        .put(BASE + "/boards/{b}/students/{ref}/consent", w.board(), w.a().studentRef());
            }
        },
        CONSENT_GET(expect(403, 200, Who.SIS, Who.STAFF_A, Who.COORDINATOR, Who.ADMIN, 404, Who.STAFF_B)) {
            Response call(World w, String token) {
                return as(token).get(BASE + "/boards/{b}/students/{ref}/consent", w.board(), w.a().studentRef());
            }
        },
        SCREENING_POST(expect(403, 201, Who.SIS, Who.ADMIN)) {
            Response call(World w, String token) {
                return as(token)
                        .body(response(w.a(), calmAnswers(), uniqueDay()))
                        .post(BASE + "/boards/{b}/screenings", w.board());
            }
        },
        SCREENINGS_LIST(expect(403, 200, Who.STAFF_A, Who.STAFF_B, Who.COORDINATOR, Who.ADMIN)) {
            Response call(World w, String token) {
                return as(token).get(BASE + "/boards/{b}/screenings", w.board());
            }
        },
        SCREENING_GET(expect(
                403, 200, Who.STAFF_A, Who.COORDINATOR, Who.ADMIN, 404, Who.STAFF_B, Who.OTHER_BOARD_COORDINATOR)) {
            Response call(World w, String token) {
                return as(token).get(BASE + "/screenings/{id}", w.screeningA());
            }
        },
        REVIEW_POST(expect(403, 200, Who.STAFF_A, Who.COORDINATOR, 404, Who.STAFF_B, Who.OTHER_BOARD_COORDINATOR)) {
            Response call(World w, String token) {
                String fresh = submit(w.board(), w.a(), severeAnswers());
                return as(token)
                        .body(Map.of("decision", "confirm", "tier", 3, "knownToStaff", false))
                        .post(BASE + "/screenings/{id}/review", fresh);
            }
        },
        BATCH_POST(expect(403, 202, Who.SIS, Who.ADMIN)) {
            Response call(World w, String token) {
                return given().auth()
                        .oauth2(token)
                        .contentType("text/csv")
                        .body(batchCsv(w.a()).getBytes(StandardCharsets.UTF_8))
                        .post(BASE + "/boards/{b}/batches", w.board());
            }
        },
        // another board's batch is 404, not 403: its existence is not disclosed (issue 8)
        BATCH_GET(expect(403, 200, Who.SIS, Who.COORDINATOR, Who.ADMIN, 404, Who.OTHER_BOARD_COORDINATOR)) {
            Response call(World w, String token) {
                return as(token).get(w.batchLocation());
            }
        },
        SUMMARY(expect(403, 200, Who.COORDINATOR, Who.ANALYST, Who.ADMIN)) {
            Response call(World w, String token) {
                return as(token).get(BASE + "/boards/{b}/summary", w.board());
            }
        },
        FUNNEL(expect(403, 200, Who.COORDINATOR, Who.ANALYST, Who.ADMIN)) {
            Response call(World w, String token) {
                return as(token).get(BASE + "/boards/{b}/funnel", w.board());
            }
        },
        DISCLOSURE_POST(expect(403, 200, Who.COORDINATOR, Who.ADMIN)) {
            Response call(World w, String token) {
                return as(token)
                        .body(Map.of("purpose", "referral", "referralId", "r-1"))
                        .post(BASE + "/boards/{b}/students/{ref}/identity-disclosures", w.board(), w.a().studentRef());
            }
        },
        AUDIT_GET(expect(403, 200, Who.ADMIN)) {
            Response call(World w, String token) {
                return as(token).get(BASE + "/audit");
            }
        },
        INSTRUMENT_POST(expect(403, 201, Who.ADMIN)) {
            Response call(World w, String token) {
                return as(token).body(instrument("authz-" + tag(), 1)).post(BASE + "/instruments");
            }
        };

        final Map<Who, Integer> expected;

        Endpoint(Map<Who, Integer> expected) {
            this.expected = expected;
        }

        abstract Response call(World w, String token);
    }

    static Stream<Arguments> matrix() {
        return Arrays.stream(Endpoint.values())
                .flatMap(e -> Arrays.stream(Who.values()).map(who -> Arguments.of(e, who)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void eachRoleGetsExactlyWhatItMay(Endpoint endpoint, Who who) {
        World w = world();
        Response response = endpoint.call(w, w.token(who));
        int expected = endpoint.expected.get(who);
        assertEquals(expected, response.statusCode(), endpoint + " as " + who + ": " + response.asString());
        if (expected >= 400) {
            assertEquals(PROBLEM_JSON, response.contentType().split(";")[0]);
            assertFalse(response.asString().contains(w.a().givenName()), "identity in a refusal");
        }
    }

    @Test
    void staffOfAnotherSchoolCannotSeeSchoolAStudentsOrScreenings() {
        World w = world();
        String staffB = w.token(Who.STAFF_B);
        String screening = as(staffB)
                .get(BASE + "/screenings/{id}", w.screeningA())
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .extract()
                .asString();
        assertFalse(screening.contains(w.a().studentRef()), screening);
        assertFalse(screening.contains("domains"), screening);
        String consent = as(staffB)
                .get(BASE + "/boards/{b}/students/{ref}/consent", w.board(), w.a().studentRef())
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .extract()
                .asString();
        for (String data : List.of("granted", "guardian", "recordedBy", "sis-" + w.board())) {
            assertFalse(consent.contains(data), consent);
        }
        as(staffB)
                .get(BASE + "/boards/{b}/screenings", w.board())
                .then()
                .statusCode(200)
                .body("items.studentRef", not(hasItem(w.a().studentRef())))
                .body("items.schoolId", not(hasItem(SCHOOL_A)));
        as(staffB)
                .queryParam("schoolId", SCHOOL_A)
                .get(BASE + "/boards/{b}/screenings", w.board())
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        as(staffB)
                .get(BASE + "/boards/{b}/students", w.board())
                .then()
                .statusCode(200)
                .body("items.studentRef", not(hasItem(w.a().studentRef())))
                .body("items.studentRef", hasItem(w.b().studentRef()));
        as(staffB)
                .body(Map.of("decision", "dismiss", "knownToStaff", true))
                .post(BASE + "/screenings/{id}/review", w.screeningA())
                .then()
                .statusCode(404);
        // the same calls from school A's staff do reach it
        as(w.token(Who.STAFF_A))
                .get(BASE + "/screenings/{id}", w.screeningA())
                .then()
                .statusCode(200)
                .body("studentRef", equalTo(w.a().studentRef()));
        as(w.token(Who.STAFF_A))
                .get(BASE + "/boards/{b}/students", w.board())
                .then()
                .statusCode(200)
                .body("items.studentRef", hasItem(w.a().studentRef()))
                .body("items.studentRef", not(hasItem(w.b().studentRef())));
    }

    @Test
    void analystsSeeAggregatesWithoutAnyStudent() {
        World w = world();
        for (String path : List.of("/summary", "/funnel")) {
            String body = as(w.token(Who.ANALYST))
                    .get(BASE + "/boards/{b}" + path, w.board())
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertFalse(body.contains(w.a().studentRef()), body);
            assertFalse(body.contains("studentRef"), body);
        }
    }

    @Test
    void identityIsDisclosedOnlyWithConsentGrantedAndEveryAttemptIsAudited() {
        String board = board();
        Student student = enrolOne(board, SCHOOL_A);
        String ref = student.studentRef();
        String coordinator = coordinator(board);
        Map<String, String> request = Map.of("purpose", "referral to housing partner", "referralId", "r-" + tag());
        String disclose = BASE + "/boards/{b}/students/{ref}/identity-disclosures";

        String refused = as(coordinator)
                .body(request)
                .post(disclose, board, ref)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .extract()
                .asString();
        assertFalse(refused.contains(student.givenName()) || refused.contains(student.sisStudentId()), refused);
        JsonPath audit = audit(ref);
        assertEquals("identity-disclosure-refused", audit.getString("items[0].action"));
        assertEquals("coord-" + board, audit.getString("items[0].actor"));
        assertEquals("coordinator", audit.getString("items[0].role"));
        assertEquals("referral to housing partner", audit.getString("items[0].purpose"));

        consent(board, ref, "refused");
        as(coordinator).body(request).post(disclose, board, ref).then().statusCode(403);
        assertEquals(
                List.of("identity-disclosure-refused", "consent-changed", "identity-disclosure-refused"),
                audit(ref).getList("items.action"));

        as(coordinator)
                .body(Map.of("status", "granted", "givenBy", "student", "scope", List.of("identity")))
                .put(BASE + "/boards/{b}/students/{ref}/consent", board, ref)
                .then()
                .statusCode(200)
                .body("status", equalTo("granted"))
                .body("recordedBy", equalTo("coord-" + board));
        as(coordinator)
                .body(request)
                .post(disclose, board, ref)
                .then()
                .statusCode(200)
                .body("studentRef", equalTo(ref))
                .body("givenName", equalTo(student.givenName()))
                .body("familyName", equalTo(student.familyName()))
                .body("dateOfBirth", equalTo(student.dateOfBirth()))
                .body("sisStudentId", equalTo(student.sisStudentId()))
                .body("schoolId", equalTo(SCHOOL_A));

        audit = audit(ref);
        assertEquals(
                List.of(
                        "identity-disclosed",
                        "consent-changed",
                        "identity-disclosure-refused",
                        "consent-changed",
                        "identity-disclosure-refused"),
                audit.getList("items.action"));
        assertEquals("coord-" + board, audit.getString("items[0].actor"));
        assertEquals("coordinator", audit.getString("items[0].role"));
        assertEquals("referral to housing partner", audit.getString("items[0].purpose"));
        assertEquals("coord-" + board, audit.getString("items[1].actor"));
        assertEquals("sis-" + board, audit.getString("items[3].actor"));
        assertEquals("sis", audit.getString("items[3].role"));

        // consent history, newest first
        as(sis(board))
                .get(BASE + "/boards/{b}/students/{ref}/consent", board, ref)
                .then()
                .statusCode(200)
                .body("status", equalTo(List.of("granted", "refused")));

        // withdrawing consent closes the gate again
        consent(board, ref, "withdrawn");
        as(coordinator).body(request).post(disclose, board, ref).then().statusCode(403);

        List<ConsumerRecord<String, String>> changes = TestKafka.awaitRecords(
                Topics.SCREENING,
                r -> ref.equals(r.key())
                        && "org.bridgeway.screening.ConsentChanged.v1"
                                .equals(TestKafka.header(r, CloudEvents.HEADER_TYPE))
                        && TestKafka.data(r).path("status").asText().equals("withdrawn"));
        List<ConsumerRecord<String, String>> all = TestKafka.readToEnd(Topics.SCREENING).stream()
                .filter(r -> ref.equals(r.key()))
                .toList();
        assertFalse(changes.isEmpty());
        assertEquals(
                List.of("refused", "granted", "withdrawn"),
                all.stream().map(r -> TestKafka.data(r).path("status").asText()).toList());
        for (ConsumerRecord<String, String> record : all) {
            assertEquals(
                    "org.bridgeway.screening.ConsentChanged.v1", TestKafka.header(record, CloudEvents.HEADER_TYPE));
            JsonNode data = TestKafka.data(record);
            assertEquals(ref, data.path("studentRef").asText());
            assertEquals(board, data.path("boardId").asText());
            assertTrue(
                    TestKafka.fieldNames(data).stream()
                            .noneMatch(List.of("givenName", "familyName", "dateOfBirth", "sisStudentId")::contains),
                    record.value());
            String everything = record.value() + TestKafka.headersText(record);
            for (String identity :
                    List.of(student.givenName(), student.familyName(), student.sisStudentId(), student.dateOfBirth())) {
                assertFalse(everything.contains(identity), everything);
            }
        }
    }

    @Test
    void theAuditLogRefusesUpdatesDeletesAndTruncation() {
        String board = board();
        Student student = enrolOne(board, SCHOOL_A);
        consent(board, student.studentRef(), "granted");
        long rows = Db.number("SELECT count(*) FROM audit_log WHERE student_ref = ?", student.studentRef());
        assertEquals(1, rows);
        SQLException update = assertThrows(
                SQLException.class,
                () -> Db.update(
                        "UPDATE audit_log SET purpose = 'tampered' WHERE student_ref = ?", student.studentRef()));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        SQLException delete = assertThrows(
                SQLException.class,
                () -> Db.update("DELETE FROM audit_log WHERE student_ref = ?", student.studentRef()));
        assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        SQLException truncate = assertThrows(SQLException.class, () -> Db.update("TRUNCATE audit_log"));
        assertTrue(truncate.getMessage().contains("append-only"), truncate.getMessage());
        assertEquals(
                rows,
                Db.number(
                        "SELECT count(*) FROM audit_log WHERE student_ref = ? AND purpose = 'consent'",
                        student.studentRef()));
    }

    private static JsonPath audit(String studentRef) {
        return as(admin())
                .queryParam("studentRef", studentRef)
                .get(BASE + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
