package org.bridgeway.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bridgeway.devstack.SyntheticCohort;
import org.bridgeway.devstack.SyntheticCohort.Student;

/**
 * Pushes a synthetic cohort through the gateway as a school information system does: roster,
 * consents, then responses in bulk (as JSON and as CSV), each step's counts asserted.
 */
final class CohortIngest {

    static final Set<String> RUNNING = Set.of("accepted", "processing");

    private final Api api;
    private final String board;
    private final SyntheticCohort cohort;
    private final String sis;
    private final Map<String, String> refs = new HashMap<>();
    private JsonNode instrument;

    CohortIngest(Api api, String board, SyntheticCohort cohort) {
        this.api = api;
        this.board = board;
        this.cohort = cohort;
        this.sis = api.token("sis-" + board, "sis", board);
    }

    SyntheticCohort cohort() {
        return cohort;
    }

    /** studentRef of a SIS id. */
    String ref(String sisStudentId) {
        return refs.get(sisStudentId);
    }

    /** The cohort's students by studentRef. */
    Map<String, Student> byRef() {
        return cohort.students().stream().collect(Collectors.toMap(s -> refs.get(s.sisStudentId()), s -> s));
    }

    CohortIngest rosterAndConsents() {
        JsonNode result = Api.json(api.as(sis)
                .body(cohort.roster().toString())
                .post("/api/v1/screening/boards/{b}/roster", board)
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertEquals(
                cohort.students().size(),
                result.path("studentsCreated").asInt()
                        + result.path("studentsUpdated").asInt());
        result.path("students")
                .forEach(s -> refs.put(
                        s.path("sisStudentId").asText(), s.path("studentRef").asText()));
        assertEquals(cohort.students().size(), refs.size(), "one studentRef per student");
        int recorded = 0;
        for (Student student : cohort.students()) {
            var consent = cohort.consent(student);
            if (consent != null) {
                api.as(sis)
                        .body(consent.toString())
                        .put("/api/v1/screening/boards/{b}/students/{ref}/consent", board, ref(student.sisStudentId()))
                        .then()
                        .statusCode(200);
                recorded++;
            }
        }
        assertEquals(cohort.count(s -> s.consent() != SyntheticCohort.Consent.UNKNOWN), recorded);
        instrument = Api.json(api.as(sis)
                .get("/api/v1/screening/instruments/needs-survey/versions/1")
                .then()
                .statusCode(200)
                .extract()
                .response());
        return this;
    }

    /** Submits the students' responses as one bulk batch, JSON or CSV; returns the batch id. */
    String submit(List<Student> students, boolean csv) {
        LocalDate administered = LocalDate.now().minusDays(1);
        var request = csv
                ? api.as(sis).contentType("text/csv").body(cohort.responsesCsv(instrument, students, administered))
                : api.as(sis)
                        .body(cohort.responsesJson(instrument, students, refs, administered)
                                .toString());
        return request.post("/api/v1/screening/boards/{b}/batches", board)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    /** Waits for the batch to finish; asserts every row succeeded; returns how many it flagged. */
    int awaitBatch(String batchId, int rows, Duration timeout) {
        JsonNode done = Api.await(
                "batch " + batchId + " finished",
                timeout,
                () -> Api.json(api.as(sis)
                        .get("/api/v1/screening/batches/{id}", batchId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .response()),
                b -> !RUNNING.contains(b.path("status").asText()));
        assertEquals(rows, done.path("succeeded").asInt(), "every row scored and stored: " + done);
        assertEquals(0, done.path("failed").asInt(), "no row error: " + done);
        return done.path("flagged").asInt();
    }

    /** Every screening of the board, as screening-service lists them. */
    List<JsonNode> screenings() {
        return api.all(
                api.token("coord-" + board, "coordinator", board), "/api/v1/screening/boards/{b}/screenings", board);
    }

    /** Every case of the board, as referral-service lists them. */
    List<JsonNode> cases() {
        return api.all(api.token("coord-" + board, "coordinator", board), "/api/v1/referrals/boards/{b}/cases", board);
    }
}
