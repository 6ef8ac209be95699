package org.bridgeway.screening.api;

import static org.bridgeway.screening.Fixtures.PROBLEM_JSON;
import static org.bridgeway.screening.Fixtures.admin;
import static org.bridgeway.screening.Fixtures.analyst;
import static org.bridgeway.screening.Fixtures.as;
import static org.bridgeway.screening.Fixtures.board;
import static org.bridgeway.screening.Fixtures.calmAnswers;
import static org.bridgeway.screening.Fixtures.coordinator;
import static org.bridgeway.screening.Fixtures.enrol;
import static org.bridgeway.screening.Fixtures.highHousingAnswers;
import static org.bridgeway.screening.Fixtures.moderateHousingAnswers;
import static org.bridgeway.screening.Fixtures.response;
import static org.bridgeway.screening.Fixtures.staff;
import static org.bridgeway.screening.Fixtures.submit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.events.CloudEvents;
import org.bridgeway.events.Topics;
import org.bridgeway.screening.Fixtures.Student;
import org.bridgeway.testing.TestKafka;
import org.junit.jupiter.api.Test;

/** Validation of flagged screenings, and the aggregates boards see, with small cells suppressed. */
@QuarkusTest
class ReviewAndReportsTest {

    private static final String BASE = "/api/v1/screening";
    private static final String SCHOOL_A = "sa";
    private static final String SCHOOL_B = "sb";
    private static final LocalDate YESTERDAY = LocalDate.now().minusDays(1);
    private static final Map<String, Object> SUPPRESSED = Map.of("suppressed", true);

    // --- review ----------------------------------------------------------------------------------------------------

    @Test
    void flaggedScreeningsAreConfirmedWithATierOrDismissedOnceEach() {
        String board = board();
        List<Student> students = enrol(board, SCHOOL_A, 9, 3);
        String confirmed = submit(board, students.get(0), highHousingAnswers());
        String dismissed = submit(board, students.get(1), highHousingAnswers());
        String calm = submit(board, students.get(2), calmAnswers());
        String staffA = staff(board, SCHOOL_A);

        review(staffA, confirmed, Map.of("decision", "confirm", "knownToStaff", false))
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("tier"));
        review(staffA, confirmed, Map.of("decision", "maybe", "knownToStaff", false))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("decision"));
        review(staffA, confirmed, Map.of("decision", "confirm", "tier", 5, "knownToStaff", false))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("tier"));
        review(staffA, confirmed, Map.of("decision", "confirm", "tier", 2))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("knownToStaff"));

        review(
                        staffA,
                        confirmed,
                        Map.of(
                                "decision",
                                "confirm",
                                "tier",
                                3,
                                "notes",
                                "spoke with the student",
                                "knownToStaff",
                                false))
                .then()
                .statusCode(200)
                .body("review.decision", equalTo("confirmed"))
                .body("review.tier", equalTo(3))
                .body("review.notes", equalTo("spoke with the student"))
                .body("review.knownToStaff", equalTo(false))
                .body("review.reviewedBy", equalTo("staff-" + board + "-" + SCHOOL_A));
        review(coordinator(board), confirmed, Map.of("decision", "dismiss", "knownToStaff", true))
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON);
        as(coordinator(board))
                .get(BASE + "/screenings/{id}", confirmed)
                .then()
                .statusCode(200)
                .body("review.decision", equalTo("confirmed"))
                .body("review.tier", equalTo(3));

        review(coordinator(board), dismissed, Map.of("decision", "dismiss", "tier", 2, "knownToStaff", true))
                .then()
                .statusCode(200)
                .body("review.decision", equalTo("dismissed"))
                .body("review.tier", nullValue())
                .body("review.reviewedBy", equalTo("coord-" + board));
        review(staffA, calm, Map.of("decision", "confirm", "tier", 1, "knownToStaff", false))
                .then()
                .statusCode(409);
        as(coordinator(board))
                .get(BASE + "/screenings/{id}", calm)
                .then()
                .statusCode(200)
                .body("review", nullValue());

        TestKafka.awaitRecords(
                Topics.SCREENING,
                r -> "org.bridgeway.screening.ScreeningReviewed.v1".equals(TestKafka.header(r, CloudEvents.HEADER_TYPE))
                        && dismissed.equals(TestKafka.header(r, CloudEvents.HEADER_SUBJECT)));
        List<ConsumerRecord<String, String>> reviewed =
                TestKafka.withSubjects(Topics.SCREENING, Set.of(confirmed, dismissed)).stream()
                        .filter(r -> "org.bridgeway.screening.ScreeningReviewed.v1"
                                .equals(TestKafka.header(r, CloudEvents.HEADER_TYPE)))
                        .toList();
        assertEquals(Map.of(confirmed, 1L, dismissed, 1L), TestKafka.countBySubject(reviewed));
        for (ConsumerRecord<String, String> record : reviewed) {
            JsonNode data = TestKafka.data(record);
            boolean isConfirmed = confirmed.equals(data.path("screeningId").asText());
            assertEquals(
                    isConfirmed ? students.get(0).studentRef() : students.get(1).studentRef(), record.key());
            assertEquals(record.key(), data.path("studentRef").asText());
            assertEquals(
                    isConfirmed ? "confirmed" : "dismissed",
                    data.path("decision").asText());
            assertEquals(isConfirmed ? "3" : "null", data.path("tier").toString());
            assertEquals(!isConfirmed, data.path("knownToStaff").asBoolean());
            assertEquals(SCHOOL_A, data.path("schoolId").asText());
            assertFalse(
                    TestKafka.fieldNames(data).contains("notes"),
                    "review notes stay in the service: " + record.value());
            assertFalse(record.value().contains(students.get(0).givenName()));
        }
        as(admin())
                .queryParam("studentRef", students.get(0).studentRef())
                .get(BASE + "/audit")
                .then()
                .statusCode(200)
                .body("items[0].action", equalTo("screening-reviewed"))
                .body("items[0].actor", equalTo("staff-" + board + "-" + SCHOOL_A))
                .body("items[0].role", equalTo("school-staff"));
    }

    // --- cohort summary --------------------------------------------------------------------------------------------

    @Test
    void cohortSummaryCountsBandsAndFlagsAndSuppressesSmallCells() {
        String board = board();
        // school A: 7 flagged for housing (grade 9) + 5 calm (grade 10); school B: 3 calm (grade 11)
        screenAll(board, enrol(board, SCHOOL_A, 9, 7), highHousingAnswers());
        screenAll(board, enrol(board, SCHOOL_A, 10, 5), calmAnswers());
        screenAll(board, enrol(board, SCHOOL_B, 11, 3), calmAnswers());
        String analyst = analyst(board);

        JsonPath schoolA = summary(analyst, board, Map.of("schoolId", SCHOOL_A));
        assertEquals(SCHOOL_A, schoolA.getString("schoolId"));
        assertEquals(5, schoolA.getInt("suppressionThreshold"));
        assertEquals(count(12), schoolA.getMap("screened"));
        assertEquals(count(7), schoolA.getMap("flagged"));
        assertEquals(
                List.of("home", "housing", "distress", "school", "food", "resilience"),
                schoolA.getList("domains.domain"));
        assertBands(schoolA, "housing", count(5), SUPPRESSED, count(7), SUPPRESSED);
        assertBands(schoolA, "home", count(12), SUPPRESSED, SUPPRESSED, SUPPRESSED);

        JsonPath wholeBoard = summary(analyst, board, Map.of());
        assertNull(wholeBoard.get("schoolId"));
        assertEquals(count(15), wholeBoard.getMap("screened"));
        assertEquals(count(7), wholeBoard.getMap("flagged"));
        assertBands(wholeBoard, "housing", count(8), SUPPRESSED, count(7), SUPPRESSED);
        assertBands(wholeBoard, "food", count(15), SUPPRESSED, SUPPRESSED, SUPPRESSED);

        JsonPath grade9 = summary(analyst, board, Map.of("grade", 9));
        assertEquals(9, grade9.getInt("grade"));
        assertEquals(count(7), grade9.getMap("screened"));
        assertEquals(SUPPRESSED, grade9.getMap("flagged"), "all 7 flagged: showing it would say so of each of them");
        // all 7 in the high band: showing that 7 would say it of each of them, as the flagged count would
        assertBands(grade9, "housing", SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED);

        JsonPath grade10 = summary(analyst, board, Map.of("schoolId", SCHOOL_A, "grade", 10));
        assertEquals(count(5), grade10.getMap("screened"));
        assertEquals(SUPPRESSED, grade10.getMap("flagged"));
        assertBands(grade10, "housing", count(5), SUPPRESSED, SUPPRESSED, SUPPRESSED);

        JsonPath schoolB = summary(analyst, board, Map.of("schoolId", SCHOOL_B));
        assertEquals(SUPPRESSED, schoolB.getMap("screened"));
        assertEquals(SUPPRESSED, schoolB.getMap("flagged"));
        for (String domain : schoolB.getList("domains.domain", String.class)) {
            assertBands(schoolB, domain, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED);
        }
        assertFalse(schoolB.prettify().contains("\"count\""), schoolB.prettify());

        as(analyst)
                .queryParam("version", 99)
                .get(BASE + "/boards/{b}/summary", board)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("version"));
    }

    @Test
    void whenOneCellOfARowIsSmallTheNextSmallestIsSuppressedToo() {
        String board = board();
        // housing: low 6, moderate 5, high 7, incomplete 0 -> only "incomplete" is small, so "moderate" goes with it
        screenAll(board, enrol(board, SCHOOL_A, 9, 6), calmAnswers());
        screenAll(board, enrol(board, SCHOOL_A, 9, 5), moderateHousingAnswers());
        screenAll(board, enrol(board, SCHOOL_A, 9, 7), highHousingAnswers());

        JsonPath summary = summary(coordinator(board), board, Map.of());
        assertEquals(count(18), summary.getMap("screened"));
        assertEquals(count(7), summary.getMap("flagged"));
        assertBands(summary, "housing", count(6), SUPPRESSED, count(7), SUPPRESSED);
        assertBands(summary, "home", count(18), SUPPRESSED, SUPPRESSED, SUPPRESSED);
    }

    // --- funnel ----------------------------------------------------------------------------------------------------

    @Test
    void funnelReportsScreenedFlaggedValidatedAndHiddenRiskWithSmallCellsSuppressed() {
        String board = board();
        List<String> flagged = screenAll(board, enrol(board, SCHOOL_A, 9, 7), highHousingAnswers());
        screenAll(board, enrol(board, SCHOOL_A, 9, 5), calmAnswers());
        String coordinator = coordinator(board);

        JsonPath funnel = funnel(coordinator, board, Map.of());
        assertEquals(count(12), funnel.getMap("screened"));
        assertEquals(count(7), funnel.getMap("flagged"));
        assertEquals(0.583, funnel.getDouble("flaggedShare.value"), 1e-9);
        assertEquals(SUPPRESSED, funnel.getMap("validated"));
        assertEquals(SUPPRESSED, funnel.getMap("hiddenRiskShare"));
        assertEquals(SUPPRESSED, funnel.getMap("referred"));
        assertEquals(SUPPRESSED, funnel.getMap("accepted"));
        assertEquals(SUPPRESSED, funnel.getMap("completed"));
        assertNull(funnel.get("medianDaysFlagToAccepted"));

        // five confirmed, none of them known to staff: every validated student was a hidden risk
        for (String id : flagged.subList(0, 5)) {
            review(coordinator, id, Map.of("decision", "confirm", "tier", 2, "knownToStaff", false))
                    .then()
                    .statusCode(200);
        }
        funnel = funnel(coordinator, board, Map.of());
        assertEquals(count(5), funnel.getMap("validated"));
        assertEquals(1.0, funnel.getDouble("hiddenRiskShare.value"), 1e-9);

        // a sixth, known to staff: 5 of 6 would let the single known one be worked out, so the share is hidden
        review(coordinator, flagged.get(5), Map.of("decision", "confirm", "tier", 2, "knownToStaff", true))
                .then()
                .statusCode(200);
        review(coordinator, flagged.get(6), Map.of("decision", "dismiss", "knownToStaff", false))
                .then()
                .statusCode(200);
        funnel = funnel(coordinator, board, Map.of());
        assertEquals(count(6), funnel.getMap("validated"));
        assertEquals(SUPPRESSED, funnel.getMap("hiddenRiskShare"));

        // filters: another school, another period
        JsonPath schoolB = funnel(analyst(board), board, Map.of("schoolId", SCHOOL_B));
        assertEquals(SCHOOL_B, schoolB.getString("schoolId"));
        assertEquals(SUPPRESSED, schoolB.getMap("screened"));
        assertEquals(SUPPRESSED, schoolB.getMap("flaggedShare"));
        JsonPath lastYear = funnel(
                analyst(board),
                board,
                Map.of(
                        "from",
                        YESTERDAY.minusYears(1).toString(),
                        "to",
                        YESTERDAY.minusDays(1).toString()));
        assertEquals(SUPPRESSED, lastYear.getMap("screened"));
        JsonPath period =
                funnel(analyst(board), board, Map.of("from", YESTERDAY.toString(), "to", YESTERDAY.toString()));
        assertEquals(count(12), period.getMap("screened"));
        assertEquals(YESTERDAY.toString(), period.getString("from"));

        as(analyst(board))
                .queryParam("from", "2026-02-30")
                .get(BASE + "/boards/{b}/funnel", board)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("from"));
        as(analyst(board))
                .queryParam("from", YESTERDAY.toString())
                .queryParam("to", YESTERDAY.minusDays(3).toString())
                .get(BASE + "/boards/{b}/funnel", board)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("to"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static List<String> screenAll(String board, List<Student> students, Map<String, Integer> answers) {
        return students.stream()
                .map(s -> submit(board, response(s, answers, YESTERDAY)).getString("id"))
                .toList();
    }

    private static Response review(String token, String id, Map<String, Object> body) {
        return as(token).body(body).post(BASE + "/screenings/{id}/review", id);
    }

    private static JsonPath summary(String token, String board, Map<String, ?> query) {
        return report(token, board, "summary", query);
    }

    private static JsonPath funnel(String token, String board, Map<String, ?> query) {
        return report(token, board, "funnel", query);
    }

    private static JsonPath report(String token, String board, String report, Map<String, ?> query) {
        RequestSpecification request = as(token);
        query.forEach(request::queryParam);
        return request.get(BASE + "/boards/{b}/" + report, board)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> count(long n) {
        return Map.of("count", (int) n);
    }

    private static void assertBands(
            JsonPath summary,
            String domain,
            Map<String, Object> low,
            Map<String, Object> moderate,
            Map<String, Object> high,
            Map<String, Object> incomplete) {
        String path = "domains.find { it.domain == '" + domain + "' }";
        assertEquals(Map.of("low", low, "moderate", moderate, "high", high), summary.getMap(path + ".bands"), domain);
        assertEquals(incomplete, summary.getMap(path + ".incomplete"), domain + " incomplete");
        assertTrue(summary.getMap(path + ".bands").size() == 3, domain);
    }
}
