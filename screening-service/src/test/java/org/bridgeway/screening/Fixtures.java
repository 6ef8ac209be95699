package org.bridgeway.screening;

import static io.restassured.RestAssured.given;

import io.quarkus.runtime.configuration.MemorySize;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bridgeway.testing.TestInfra;
import org.eclipse.microprofile.config.ConfigProvider;

/** Test data pushed through the public API, as the SIS would. */
public final class Fixtures {

    public static final String INSTRUMENT = "needs-survey";
    public static final String SCREENINGS = "/api/v1/screening/boards/{board}/screenings";
    public static final String BATCHES = "/api/v1/screening/boards/{board}/batches";
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, Integer> CALM = answers(false);
    private static final Map<String, Integer> SEVERE = answers(true);
    private static final AtomicInteger DAYS = new AtomicInteger();

    private Fixtures() {}

    /** A board nobody else uses: every test isolates its data this way. */
    public static String board() {
        return "b-" + UUID.randomUUID();
    }

    /** A short random tag for unique ids, names and instrument keys (lowercase letters and digits). */
    public static String tag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A different past day on every call, for responses that must not collide on (student, instrument, day). */
    public static LocalDate uniqueDay() {
        return LocalDate.now().minusDays(2 + DAYS.getAndIncrement() % 300);
    }

    // --- tokens ----------------------------------------------------------------------------------------------------

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String sis(String board) {
        return TestInfra.token("sis-" + board).roles("sis").board(board).sign();
    }

    public static String coordinator(String board) {
        return TestInfra.token("coord-" + board)
                .roles("coordinator")
                .board(board)
                .sign();
    }

    public static String staff(String board, String... schools) {
        return TestInfra.token("staff-" + board + "-" + String.join("+", schools))
                .roles("school-staff")
                .board(board)
                .schools(schools)
                .sign();
    }

    public static String analyst(String board) {
        return TestInfra.token("analyst-" + board).roles("analyst").board(board).sign();
    }

    public static String admin() {
        return TestInfra.token("admin").roles("admin").sign();
    }

    public static String partner(String org) {
        return TestInfra.token("partner-" + org).roles("partner").org(org).sign();
    }

    // --- roster ----------------------------------------------------------------------------------------------------

    /** A student as pushed by the SIS, with the ref the service answered. Names and SIS id are random per run. */
    public record Student(
            String sisStudentId,
            String studentRef,
            String schoolId,
            String givenName,
            String familyName,
            String dateOfBirth,
            int grade) {}

    /** Pushes {@code count} students of one grade into one school (created if new); returns them in order. */
    public static List<Student> enrol(String board, String school, int grade, int count) {
        String run = tag();
        List<Map<String, Object>> students = new ArrayList<>(count);
        List<Student> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Student s = new Student(
                    "sis-" + run + "-" + i,
                    null,
                    school,
                    "Gvn" + run + "x" + i,
                    "Fam" + run + "x" + i,
                    "2011-0" + (1 + i % 9) + "-1" + (i % 10),
                    grade);
            drafts.add(s);
            students.add(Map.of(
                    "sisStudentId",
                    s.sisStudentId(),
                    "schoolId",
                    school,
                    "givenName",
                    s.givenName(),
                    "familyName",
                    s.familyName(),
                    "dateOfBirth",
                    s.dateOfBirth(),
                    "grade",
                    grade));
        }
        List<String> refs = as(sis(board))
                .body(Map.of(
                        "schools",
                        List.of(Map.of("schoolId", school, "name", "School " + school)),
                        "students",
                        students))
                .post("/api/v1/screening/boards/{board}/roster", board)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("students.studentRef", String.class);
        List<Student> enrolled = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Student d = drafts.get(i);
            enrolled.add(new Student(
                    d.sisStudentId(), refs.get(i), school, d.givenName(), d.familyName(), d.dateOfBirth(), grade));
        }
        return enrolled;
    }

    public static Student enrolOne(String board, String school) {
        return enrol(board, school, 9, 1).get(0);
    }

    // --- answers ---------------------------------------------------------------------------------------------------

    /** Answers that score every domain of the default instrument low: not flagged. */
    public static Map<String, Integer> calmAnswers() {
        return new LinkedHashMap<>(CALM);
    }

    /** Answers that score every domain of the default instrument high: flagged, tier 4. */
    public static Map<String, Integer> severeAnswers() {
        return new LinkedHashMap<>(SEVERE);
    }

    /** Calm everywhere but housing, which is high: flagged (tier 3) with the need {@code housing}. */
    public static Map<String, Integer> highHousingAnswers() {
        return calmWith(Map.of("housing1", 5, "housing2", 5, "housing3", 5, "housing4", 5, "housing5", 1));
    }

    /** Calm everywhere but housing, which is moderate (sum 11 of 7..35): not flagged. */
    public static Map<String, Integer> moderateHousingAnswers() {
        return calmWith(Map.of("housing1", 3, "housing3", 3));
    }

    public static Map<String, Integer> calmWith(Map<String, Integer> overrides) {
        Map<String, Integer> answers = calmAnswers();
        answers.putAll(overrides);
        return answers;
    }

    private static Map<String, Integer> answers(boolean severe) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        JsonPath definition = JsonPath.from(Fixtures.class.getResourceAsStream("/instruments/needs-survey-v1.json"));
        List<Map<String, Object>> items = definition.getList("items");
        for (Map<String, Object> item : items) {
            boolean reverse = Boolean.TRUE.equals(item.get("reverse"));
            int min = (Integer) item.get("min");
            int max = (Integer) item.get("max");
            answers.put((String) item.get("id"), severe != reverse ? max : min);
        }
        return answers;
    }

    /** The item ids of the default instrument, in its order. */
    public static List<String> itemIds() {
        return new ArrayList<>(CALM.keySet());
    }

    // --- responses -------------------------------------------------------------------------------------------------

    public static Map<String, Object> response(String studentRef, String school, Map<String, Integer> answers) {
        return response(studentRef, school, answers, LocalDate.now().minusDays(1));
    }

    public static Map<String, Object> response(
            String studentRef, String school, Map<String, Integer> answers, LocalDate on) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instrument", INSTRUMENT);
        body.put("version", 1);
        body.put("studentRef", studentRef);
        body.put("schoolId", school);
        body.put("administeredOn", on.toString());
        body.put("answers", answers);
        return body;
    }

    public static Map<String, Object> response(Student student, Map<String, Integer> answers, LocalDate on) {
        return response(student.studentRef(), student.schoolId(), answers, on);
    }

    /** Submits one response as the board's SIS, expects 201 and returns the screening. */
    public static JsonPath submit(String board, Map<String, Object> response) {
        return as(sis(board))
                .body(response)
                .post(SCREENINGS, board)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** Submits one response on a fresh day and returns the screening id. */
    public static String submit(String board, Student student, Map<String, Integer> answers) {
        return submit(board, response(student, answers, uniqueDay())).getString("id");
    }

    public static JsonPath screening(String board, String id) {
        return as(coordinator(board))
                .get("/api/v1/screening/screenings/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Records a consent status as the board's SIS. */
    public static void consent(String board, String studentRef, String status) {
        as(sis(board))
                .body(Map.of("status", status, "givenBy", "guardian", "scope", List.of("referral", "identity")))
                .put("/api/v1/screening/boards/{board}/students/{ref}/consent", board, studentRef)
                .then()
                .statusCode(200);
    }

    // --- batches ---------------------------------------------------------------------------------------------------

    /** Posts a batch body; returns the raw response for the caller to check. */
    public static Response postBatch(String board, String contentType, byte[] body) {
        return given().auth()
                .oauth2(sis(board))
                .contentType(contentType)
                .body(body)
                .post(BATCHES, board);
    }

    /** Polls a batch until it is no longer accepted or processing, handing every observation to {@code seen}. */
    public static JsonPath awaitBatch(String board, String location, Duration timeout, Consumer<JsonPath> seen) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonPath batch = as(sis(board))
                    .get(location)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.accept(batch);
            String status = batch.getString("status");
            if (!"accepted".equals(status) && !"processing".equals(status)) {
                return batch;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("batch " + location + " still " + status + " after " + timeout);
            }
            sleep(25);
        }
    }

    public static JsonPath awaitBatch(String board, String location) {
        return awaitBatch(board, location, Duration.ofSeconds(60), b -> {});
    }

    /** All row errors of a batch (one page of up to 200), read from the link the batch gives. */
    public static List<Map<String, Object>> batchErrors(String board, JsonPath batch) {
        return as(sis(board))
                .queryParam("size", 200)
                .get(batch.getString("errorsUrl"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    /**
     * A request that sends {@code Expect: 100-continue}: a server refusing the body from its headers (413) answers
     * before the body is sent, so the client reads that answer instead of failing with a broken pipe.
     */
    public static RequestSpecification expectingContinue(String token, String contentType) {
        return given().config(RestAssured.config()
                        .httpClient(
                                HttpClientConfig.httpClientConfig().setParam("http.protocol.expect-continue", true)))
                .auth()
                .oauth2(token)
                .contentType(contentType);
    }

    // --- instruments -----------------------------------------------------------------------------------------------

    /** A small valid instrument: two items in one domain "mood", three bands, flagged when high. */
    public static Map<String, Object> instrument(String key, int version) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("key", key);
        definition.put("version", version);
        definition.put("title", "Test instrument " + key);
        definition.put(
                "items",
                new ArrayList<>(List.of(
                        new LinkedHashMap<>(
                                Map.of("id", "m1", "text", "I feel low.", "domain", "mood", "min", 1, "max", 5)),
                        new LinkedHashMap<>(Map.of(
                                "id",
                                "m2",
                                "text",
                                "I feel able to cope.",
                                "domain",
                                "mood",
                                "min",
                                1,
                                "max",
                                5,
                                "reverse",
                                true)))));
        definition.put(
                "domains",
                new ArrayList<>(List.of(new LinkedHashMap<>(Map.of(
                        "key",
                        "mood",
                        "label",
                        "Mood",
                        "method",
                        "sum",
                        "minAnswered",
                        1,
                        "bands",
                        new ArrayList<>(List.of(
                                Map.of("band", "low", "upTo", 4),
                                Map.of("band", "moderate", "upTo", 7),
                                Map.of("band", "high"))),
                        "needs",
                        List.of("mental-health"))))));
        definition.put("bandOrder", List.of("low", "moderate", "high"));
        definition.put("flag", Map.of("anyDomainAtLeast", "high"));
        definition.put("tiers", List.of(Map.of("tier", 3, "when", Map.of("anyDomainAtLeast", "high"))));
        return definition;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> item(Map<String, Object> instrument, int index) {
        return ((List<Map<String, Object>>) instrument.get("items")).get(index);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> domain(Map<String, Object> instrument, int index) {
        return ((List<Map<String, Object>>) instrument.get("domains")).get(index);
    }

    /** A size limit from the running service's configuration, in bytes (e.g. {@code bridgeway.http.max-json-body}). */
    public static long configuredBytes(String property) {
        return ConfigProvider.getConfig().getValue(property, MemorySize.class).asLongValue();
    }

    /** A JSON body of {@code json} padded with whitespace to {@code size} bytes: well-formed, just too big. */
    public static byte[] padded(String json, long size) {
        byte[] head = json.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[(int) size];
        Arrays.fill(out, (byte) ' ');
        System.arraycopy(head, 0, out, 0, head.length - 1);
        out[out.length - 1] = head[head.length - 1];
        return out;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
