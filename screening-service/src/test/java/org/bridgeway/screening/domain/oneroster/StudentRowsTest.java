package org.bridgeway.screening.domain.oneroster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeway.screening.domain.StudentIdentity;
import org.junit.jupiter.api.Test;

/** users.csv rows to roster changes, with the index the other files built: no database, no framework. */
class StudentRowsTest {

    private static final String NOW = "2026-11-29T10:00:00Z";

    @Test
    void anEnrolledStudentIsWrittenWithSchoolGradeAndBirthDateFromTheOtherFiles() {
        RosterIndex index = indexPlacing("u1", "s1", "2011-04-02");
        var write = assertInstanceOf(
                StudentRows.Write.class,
                StudentRows.decide(user(2, "u1", "", "", "Ada", "Lovelace", "09"), Mode.BULK, index, null));
        assertEquals("s1", write.schoolId());
        assertEquals(9, write.grade());
        assertEquals(new StudentIdentity("u1", "Ada", "Lovelace", LocalDate.of(2011, 4, 2)), write.identity());
        assertEquals(true, write.created());
    }

    @Test
    void theSameStudentAgainIsUnchangedAndADifferenceIsAnUpdate() {
        RosterIndex index = indexPlacing("u1", "s1", "2011-04-02");
        var stored = new StudentRows.Existing(
                "s1", 9, new StudentIdentity("u1", "Ada", "Lovelace", LocalDate.of(2011, 4, 2)), false);
        CsvRow row = user(2, "u1", "", "", "Ada", "Lovelace", "09");
        assertInstanceOf(StudentRows.Unchanged.class, StudentRows.decide(row, Mode.BULK, index, stored));
        var moved = assertInstanceOf(
                StudentRows.Write.class,
                StudentRows.decide(user(2, "u1", "", "", "Ada", "Lovelace", "10"), Mode.BULK, index, stored));
        assertEquals(false, moved.created());
        // a deactivated student named again as active is written (reactivated)
        var deactivated = new StudentRows.Existing("s1", 9, stored.identity(), true);
        assertInstanceOf(StudentRows.Write.class, StudentRows.decide(row, Mode.BULK, index, deactivated));
    }

    @Test
    void aDeltaRowKeepsTheStoredSchoolAndBirthDateItDoesNotRestate() {
        RosterIndex nothing = new RosterIndex(Set.of("s1"));
        var stored = new StudentRows.Existing(
                "s1", 9, new StudentIdentity("u1", "Ada", "Lovelace", LocalDate.of(2011, 4, 2)), false);
        var write = assertInstanceOf(
                StudentRows.Write.class,
                StudentRows.decide(user(2, "u1", "active", NOW, "Ada", "Byron", "09"), Mode.DELTA, nothing, stored));
        assertEquals("s1", write.schoolId());
        assertEquals(LocalDate.of(2011, 4, 2), write.identity().dateOfBirth());
    }

    @Test
    void toBeDeletedDeactivatesAKnownStudentOnceAndSkipsAnUnknownOne() {
        RosterIndex nothing = new RosterIndex(Set.of());
        CsvRow row = user(3, "u1", "tobedeleted", NOW, "Ada", "Lovelace", "09");
        var identity = new StudentIdentity("u1", "Ada", "Lovelace", null);
        assertInstanceOf(
                StudentRows.Deactivate.class,
                StudentRows.decide(row, Mode.DELTA, nothing, new StudentRows.Existing("s1", 9, identity, false)));
        assertInstanceOf(
                StudentRows.Unchanged.class,
                StudentRows.decide(row, Mode.DELTA, nothing, new StudentRows.Existing("s1", 9, identity, true)));
        assertInstanceOf(StudentRows.Skip.class, StudentRows.decide(row, Mode.DELTA, nothing, null));
    }

    @Test
    void aUserWhoIsNoStudentIsSkipped() {
        RosterIndex index = new RosterIndex(Set.of("s1"));
        assertInstanceOf(
                StudentRows.Skip.class,
                StudentRows.decide(user(2, "t1", "", "", "Tess", "Teacher", ""), Mode.BULK, index, null));
    }

    @Test
    void badRowsNameTheirFileLineAndField() {
        RosterIndex index = indexPlacing("u1", "s1", null);
        assertErrors(List.of("grades"), user(7, "u1", "", "", "Ada", "Lovelace", "ZZ"), Mode.BULK, index);
        assertErrors(List.of("grades"), user(7, "u1", "", "", "Ada", "Lovelace", "09,10"), Mode.BULK, index);
        assertErrors(List.of("givenName"), user(7, "u1", "", "", "", "Lovelace", "09"), Mode.BULK, index);
        assertErrors(List.of("status"), user(7, "u1", "tobedeleted", "", "Ada", "Lovelace", "09"), Mode.BULK, index);
        assertErrors(List.of("status"), user(7, "u1", "", NOW, "Ada", "Lovelace", "09"), Mode.DELTA, index);
        assertErrors(
                List.of("dateLastModified"), user(7, "u1", "active", "", "Ada", "Lovelace", "09"), Mode.DELTA, index);
        assertErrors(List.of("sourcedId"), user(7, "u2", "", "", "Bo", "Lee", "09"), Mode.BULK, withStudentNowhere());
    }

    @Test
    void gradesAreKgToTwelve() {
        assertEquals(0, StudentRows.grade(user(2, "u", "", "", "a", "b", "KG"), new java.util.ArrayList<>()));
        assertEquals(12, StudentRows.grade(user(2, "u", "", "", "a", "b", "12"), new java.util.ArrayList<>()));
        assertEquals(9, StudentRows.grade(user(2, "u", "", "", "a", "b", "9"), new java.util.ArrayList<>()));
        assertEquals(null, StudentRows.grade(user(2, "u", "", "", "a", "b", ""), new java.util.ArrayList<>()));
        var errors = new java.util.ArrayList<RosterRowError>();
        assertEquals(null, StudentRows.grade(user(2, "u", "", "", "a", "b", "PK"), errors));
        assertEquals(1, errors.size());
    }

    private static void assertErrors(List<String> fields, CsvRow row, Mode mode, RosterIndex index) {
        var rejected = assertInstanceOf(StudentRows.Rejected.class, StudentRows.decide(row, mode, index, null));
        assertEquals(
                fields, rejected.errors().stream().map(RosterRowError::field).toList());
        rejected.errors().forEach(e -> {
            assertEquals("users.csv", e.file());
            assertEquals(7, e.line());
        });
    }

    /** An index where u2 is enrolled as a student, but in no school it knows. */
    private static RosterIndex withStudentNowhere() {
        RosterIndex index = new RosterIndex(Set.of());
        index.enrollment(
                row("enrollments.csv", 2, Map.of("userSourcedId", "u2", "role", "student", "classSourcedId", "c9")),
                Mode.BULK);
        return index;
    }

    static RosterIndex indexPlacing(String user, String school, String birthDate) {
        RosterIndex index = new RosterIndex(Set.of(school));
        index.enrollment(
                row("enrollments.csv", 2, Map.of("userSourcedId", user, "role", "student", "schoolSourcedId", school)),
                Mode.BULK);
        if (birthDate != null) {
            index.demographics(
                    row("demographics.csv", 2, Map.of("sourcedId", user, "birthDate", birthDate)), Mode.BULK);
        }
        return index;
    }

    static CsvRow user(
            int line, String id, String status, String modified, String given, String family, String grades) {
        Map<String, String> cells = new HashMap<>();
        cells.put("sourcedId", id);
        cells.put("status", status);
        cells.put("dateLastModified", modified);
        cells.put("givenName", given);
        cells.put("familyName", family);
        cells.put("grades", grades);
        return new CsvRow("users.csv", line, cells);
    }

    static CsvRow row(String file, int line, Map<String, String> cells) {
        return new CsvRow(file, line, cells);
    }
}
