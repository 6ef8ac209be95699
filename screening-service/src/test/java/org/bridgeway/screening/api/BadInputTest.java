package org.bridgeway.screening.api;

import static org.bridgeway.screening.Fixtures.PROBLEM_JSON;
import static org.bridgeway.screening.Fixtures.SCREENINGS;
import static org.bridgeway.screening.Fixtures.admin;
import static org.bridgeway.screening.Fixtures.as;
import static org.bridgeway.screening.Fixtures.board;
import static org.bridgeway.screening.Fixtures.calmAnswers;
import static org.bridgeway.screening.Fixtures.calmWith;
import static org.bridgeway.screening.Fixtures.configuredBytes;
import static org.bridgeway.screening.Fixtures.domain;
import static org.bridgeway.screening.Fixtures.enrolOne;
import static org.bridgeway.screening.Fixtures.expectingContinue;
import static org.bridgeway.screening.Fixtures.instrument;
import static org.bridgeway.screening.Fixtures.item;
import static org.bridgeway.screening.Fixtures.padded;
import static org.bridgeway.screening.Fixtures.response;
import static org.bridgeway.screening.Fixtures.screening;
import static org.bridgeway.screening.Fixtures.severeAnswers;
import static org.bridgeway.screening.Fixtures.sis;
import static org.bridgeway.screening.Fixtures.submit;
import static org.bridgeway.screening.Fixtures.tag;
import static org.bridgeway.screening.Fixtures.uniqueDay;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bridgeway.screening.Db;
import org.bridgeway.screening.Fixtures.Student;
import org.junit.jupiter.api.Test;

/** Bad input is a 4xx problem+json naming the field, never a 500, and never changes what is stored. */
@QuarkusTest
class BadInputTest {

    private static final String SCHOOL = "s1";
    private static final String INSTRUMENTS = "/api/v1/screening/instruments";
    private static final String JSON_LIMIT = "bridgeway.http.max-json-body";

    @Test
    void badSubmitsAreFieldLevel4xxAndLeaveTheStoredScreeningAlone() {
        String board = board();
        Student student = enrolOne(board, SCHOOL);
        LocalDate day = LocalDate.now().minusDays(2);
        JsonPath stored = submit(board, response(student, severeAnswers(), day));
        String before = screening(board, stored.getString("id")).prettify();
        LocalDate other = LocalDate.now().minusDays(3);

        // unreadable or mistyped JSON
        rejected(board, "{\"instrument\": \"needs-survey\", \"version\": ")
                .then()
                .statusCode(400)
                .body("detail", notNullValue());
        rejected(board, "[1, 2, 3]").then().statusCode(400);
        rejected(board, "").then().statusCode(400);
        Map<String, Object> body = response(student, calmAnswers(), other);
        body.put("version", "one");
        rejected(board, body).then().statusCode(400).body("errors.field", hasItem("version"));
        body = response(student, calmAnswers(), other);
        body.put("answers", List.of(1, 2, 3));
        rejected(board, body).then().statusCode(400).body("errors.field", hasItem("answers"));
        body = response(student, calmAnswers(), other);
        body.put("answers", Map.of("home1", "often"));
        rejected(board, body).then().statusCode(400).body("errors.field", hasItem("answers.home1"));
        body = response(student, calmAnswers(), other);
        body.put("administeredOn", "05/10/2026");
        rejected(board, body).then().statusCode(400).body("errors.field", hasItem("administeredOn"));
        body = response(student, calmAnswers(), other);
        body.put("colour", "blue");
        rejected(board, body).then().statusCode(400).body("errors.field", hasItem("colour"));

        // well-formed but not a response this service can score
        rejected(board, response(student, calmWith(Map.of("housing1", 6)), other))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("answers.housing1"))
                .body("errors.find { it.field == 'answers.housing1' }.message", equalTo("must be between 1 and 5"));
        rejected(board, response(student, calmWith(Map.of("home1", 0, "food2", -1)), other))
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("answers.home1", "answers.food2"));
        rejected(board, response(student, calmWith(Map.of("pets1", 2)), other))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("answers.pets1"));
        body = response(student, calmAnswers(), other);
        body.put("version", 42);
        rejected(board, body).then().statusCode(400).body("errors.field", hasItem("version"));
        body = response(student, calmAnswers(), other);
        body.put("instrument", "no-such-survey");
        rejected(board, body).then().statusCode(400).body("errors.field", hasItem("version"));
        rejected(board, response("not-a-student-" + tag(), SCHOOL, calmAnswers(), other))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("studentRef"));
        body = response(student, calmAnswers(), other);
        body.remove("studentRef");
        body.put("sisStudentId", "unknown-" + tag());
        rejected(board, body).then().statusCode(400).body("errors.field", hasItem("sisStudentId"));
        rejected(board, response(student.studentRef(), "another-school", calmAnswers(), other))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("schoolId"));
        rejected(board, response(student, calmAnswers(), LocalDate.now().plusDays(30)))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("administeredOn"));

        // missing fields
        rejected(board, "{}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("instrument", "version", "schoolId", "administeredOn", "answers"));
        body = response(student, calmAnswers(), other);
        body.remove("studentRef");
        rejected(board, body).then().statusCode(400).body("errors.field", hasItem("studentRef"));
        body = response(student, calmAnswers(), other);
        body.remove("answers");
        rejected(board, body).then().statusCode(400).body("errors.field", hasItem("answers"));

        // a body over the limit on JSON bodies
        rejected(board, oversized(response(student, calmAnswers(), other)))
                .then()
                .statusCode(413);

        // the same day again is a conflict, not a second screening
        as(sis(board))
                .body(response(student, calmAnswers(), day))
                .post(SCREENINGS, board)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON);

        assertEquals(1, Db.number("SELECT count(*) FROM screening WHERE student_ref = ?", student.studentRef()));
        assertEquals(before, screening(board, stored.getString("id")).prettify());
    }

    @Test
    void invalidInstrumentDefinitionsAre400WithFieldErrors() {
        Map<String, Object> unknownDomain = instrument("bad-" + tag(), 1);
        item(unknownDomain, 0).put("domain", "moood");
        publish(unknownDomain)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("items[0].domain"));

        Map<String, Object> overlapping = instrument("bad-" + tag(), 1);
        domain(overlapping, 0)
                .put(
                        "bands",
                        List.of(
                                Map.of("band", "low", "upTo", 6),
                                Map.of("band", "moderate", "upTo", 4),
                                Map.of("band", "high")));
        publish(overlapping).then().statusCode(400).body("errors.field", hasItem("domains[0].bands[1].upTo"));

        Map<String, Object> minNotBelowMax = instrument("bad-" + tag(), 1);
        item(minNotBelowMax, 1).put("min", 5);
        publish(minNotBelowMax).then().statusCode(400).body("errors.field", hasItem("items[1].max"));

        Map<String, Object> duplicateIds = instrument("bad-" + tag(), 1);
        item(duplicateIds, 1).put("id", "m1");
        publish(duplicateIds).then().statusCode(400).body("errors.field", hasItem("items[1].id"));

        Map<String, Object> wrongType = instrument("bad-" + tag(), 1);
        item(wrongType, 0).put("max", "five");
        publish(wrongType).then().statusCode(400).body("errors.field", hasItem("items[0].max"));

        Map<String, Object> everything = instrument("Bad Key!", 0);
        item(everything, 0).put("domain", "nowhere");
        item(everything, 1).put("id", "m1");
        publish(everything)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("key", "version", "items[0].domain", "items[1].id"));

        assertEquals(0, Db.number("SELECT count(*) FROM instrument WHERE key LIKE 'bad-%' OR key = 'Bad Key!'"));
    }

    @Test
    void publishedVersionsAreImmutableOnceAnswered() {
        // the default instrument exists and has responses once anything was submitted against it
        String board = board();
        submit(board, enrolOne(board, SCHOOL), calmAnswers());
        Map<String, Object> defaultV1 = as(admin())
                .get(INSTRUMENTS + "/needs-survey/versions/1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        publish(defaultV1).then().statusCode(409).contentType(PROBLEM_JSON);
        defaultV1.put("title", "Renamed");
        as(admin())
                .body(defaultV1)
                .put(INSTRUMENTS + "/needs-survey/versions/1")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON);
        as(admin())
                .get(INSTRUMENTS + "/needs-survey/versions/1")
                .then()
                .statusCode(200)
                .body("title", equalTo("Bridgeway student needs survey"));

        // a version nobody answered yet may still be corrected
        String key = "draft-" + tag();
        publish(instrument(key, 1))
                .then()
                .statusCode(201)
                .header("Location", endsWith(INSTRUMENTS + "/" + key + "/versions/1"))
                .body("inUse", equalTo(false));
        publish(instrument(key, 1)).then().statusCode(409);
        Map<String, Object> corrected = instrument(key, 1);
        corrected.put("title", "Corrected title");
        as(admin())
                .body(corrected)
                .put(INSTRUMENTS + "/{key}/versions/1", key)
                .then()
                .statusCode(200)
                .body("title", equalTo("Corrected title"));
        as(admin())
                .get(INSTRUMENTS + "/{key}/versions/1", key)
                .then()
                .statusCode(200)
                .body("title", equalTo("Corrected title"));
        // the path and the body must name the same version
        as(admin())
                .body(corrected)
                .put(INSTRUMENTS + "/{key}/versions/2", key)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("version"));
        publish(instrument(key, 2)).then().statusCode(201);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        String board = board();
        Student student = enrolOne(board, SCHOOL);
        Map<String, Object> first = response(student, severeAnswers(), uniqueDay());
        String key = "idem-" + tag();

        Response created =
                as(sis(board)).header("Idempotency-Key", key).body(first).post(SCREENINGS, board);
        created.then().statusCode(201);
        Response replay =
                as(sis(board)).header("Idempotency-Key", key).body(first).post(SCREENINGS, board);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(created.header("Location"), replay.header("Location"));
        assertEquals(created.jsonPath().getMap(""), replay.jsonPath().getMap(""));
        assertEquals(1, Db.number("SELECT count(*) FROM screening WHERE student_ref = ?", student.studentRef()));
        assertEquals(
                1,
                Db.number(
                        "SELECT count(*) FROM outbox_event WHERE subject = ?",
                        created.jsonPath().getString("id")));

        Map<String, Object> other = response(student, calmAnswers(), uniqueDay());
        as(sis(board))
                .header("Idempotency-Key", key)
                .body(other)
                .post(SCREENINGS, board)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(422));
        assertEquals(1, Db.number("SELECT count(*) FROM screening WHERE student_ref = ?", student.studentRef()));

        // without a key, the same body is a conflict rather than a silent replay
        as(sis(board)).body(first).post(SCREENINGS, board).then().statusCode(409);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** Posts a bad submit and checks what every rejection shares: a 4xx problem+json, never a 5xx. */
    private static Response rejected(String board, Object body) {
        Response response = body instanceof byte[] bytes
                ? expectingContinue(sis(board), "application/json").body(bytes).post(SCREENINGS, board)
                : as(sis(board)).body(body).post(SCREENINGS, board);
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, "expected a 4xx, got " + status + ": " + response.asString());
        assertEquals(PROBLEM_JSON, response.contentType().split(";")[0], response.asString());
        assertEquals(status, response.jsonPath().getInt("status"));
        return response;
    }

    /** A response padded with whitespace to 1 MB over the limit on JSON bodies: well-formed, just too big. */
    private static byte[] oversized(Map<String, Object> response) {
        try {
            return padded(new ObjectMapper().writeValueAsString(response), configuredBytes(JSON_LIMIT) + 1024 * 1024);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response publish(Map<String, Object> definition) {
        return as(admin()).body(definition).post(INSTRUMENTS);
    }
}
