package org.bridgeway.screening;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.bridgeway.testing.TestInfra;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Test data pushed through the public API, as the SIS would. */
public final class Fixtures {

    public static final String INSTRUMENT = "needs-survey";

    private Fixtures() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String sis(String board) {
        return TestInfra.token("sis-" + board).roles("sis").board(board).sign();
    }

    public static String coordinator(String board) {
        return TestInfra.token("coord-" + board).roles("coordinator").board(board).sign();
    }

    public static String staff(String board, String... schools) {
        return TestInfra.token("staff-" + board).roles("school-staff").board(board).schools(schools).sign();
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

    /** Pushes a roster of {@code count} students (SIS ids {@code prefix-0..}) into one school; returns their refs. */
    public static List<String> roster(String board, String school, String prefix, int count) {
        List<Map<String, Object>> students = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            students.add(Map.of("sisStudentId", prefix + "-" + i, "schoolId", school, "givenName", "Given" + i,
                    "familyName", "Family" + i, "dateOfBirth", "2011-0" + (1 + i % 9) + "-15", "grade", 7 + i % 6));
        }
        return as(sis(board)).body(Map.of("schools", List.of(Map.of("schoolId", school, "name", "School " + school)),
                        "students", students))
                .post("/api/v1/screening/boards/{board}/roster", board)
                .then().statusCode(200)
                .extract().jsonPath().getList("students.studentRef", String.class);
    }

    /** Answers that score every domain of the default instrument low: not flagged. */
    public static Map<String, Integer> calmAnswers() {
        return answers(false);
    }

    /** Answers that score every domain of the default instrument high: flagged. */
    public static Map<String, Integer> severeAnswers() {
        return answers(true);
    }

    private static Map<String, Integer> answers(boolean severe) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        var definition = io.restassured.path.json.JsonPath.from(Fixtures.class.getResourceAsStream("/instruments/needs-survey-v1.json"));
        List<Map<String, Object>> items = definition.getList("items");
        for (Map<String, Object> item : items) {
            boolean reverse = Boolean.TRUE.equals(item.get("reverse"));
            int min = (Integer) item.get("min");
            int max = (Integer) item.get("max");
            answers.put((String) item.get("id"), severe != reverse ? max : min);
        }
        return answers;
    }

    public static Map<String, Object> response(String studentRef, String school, Map<String, Integer> answers) {
        return response(studentRef, school, answers, LocalDate.now().minusDays(1));
    }

    public static Map<String, Object> response(String studentRef, String school, Map<String, Integer> answers, LocalDate on) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instrument", INSTRUMENT);
        body.put("version", 1);
        body.put("studentRef", studentRef);
        body.put("schoolId", school);
        body.put("administeredOn", on.toString());
        body.put("answers", answers);
        return body;
    }
}
