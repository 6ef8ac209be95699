package org.bridgeway.screening.domain.oneroster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** orgs, classes, enrollments and demographics read with Jackson CSV into what places students. */
class RosterIndexTest {

    @Test
    void schoolsClassesEnrollmentsAndBirthDatesPlaceStudents() throws IOException {
        RosterIndex index = new RosterIndex(Set.of("s-old"));
        feed(
                index,
                "orgs",
                Mode.BULK,
                lines(
                        "sourcedId,status,dateLastModified,name,type",
                        "d1,,,District,district",
                        "s1,,,\"Hill School, \"\"North\"\"\",school",
                        "x1,,,Moon,planet"));
        feed(
                index,
                "classes",
                Mode.BULK,
                lines("sourcedId,status,dateLastModified,schoolSourcedId", "c1,,,s1", "c2,,,s-old", "c3,,,d1"));
        feed(
                index,
                "enrollments",
                Mode.BULK,
                lines(
                        "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary",
                        "e1,,,c1,,u1,student,false",
                        "e2,,,c2,s-old,u1,student,true",
                        "e3,,,c1,s1,u2,student,false",
                        "e4,,,c2,s-old,u2,student,false",
                        "e5,,,c9,,u3,student,false",
                        "e6,,,c1,s1,t1,teacher,false"));
        feed(
                index,
                "demographics",
                Mode.BULK,
                lines("sourcedId,status,dateLastModified,birthDate", "u1,,,2011-04-02", "u2,,,02/04/2011"));

        assertEquals(List.of(new RosterIndex.School("s1", "Hill School, \"North\"")), index.schools());
        assertEquals("s-old", index.schoolOf("u1"), "a primary enrollment places the student");
        assertEquals("s1", index.schoolOf("u2"), "else the first");
        assertEquals(null, index.schoolOf("u3"));
        assertEquals(true, index.enrolledAsStudent("u3"));
        assertEquals(false, index.enrolledAsStudent("t1"));
        assertEquals(LocalDate.of(2011, 4, 2), index.birthDateOf("u1"));
        assertEquals(null, index.birthDateOf("u2"));
        assertEquals(
                List.of(
                        "orgs.csv:4:type",
                        "classes.csv:4:schoolSourcedId",
                        "enrollments.csv:6:classSourcedId",
                        "demographics.csv:3:birthDate"),
                index.errors().stream()
                        .map(e -> e.file() + ":" + e.line() + ":" + e.field())
                        .toList());
    }

    @Test
    void aStudentRoleInRolesCsvMakesAStudentAndPlacesThemWhenNoEnrollmentDoes() throws IOException {
        RosterIndex index = new RosterIndex(Set.of("s1", "s2"));
        feed(
                index,
                "enrollments",
                Mode.BULK,
                lines(
                        "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role",
                        "e1,,,,s1,u1,student"));
        feed(
                index,
                "roles",
                Mode.BULK,
                lines(
                        "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId",
                        "r1,,,u1,primary,student,s2",
                        "r2,,,u2,primary,student,s2",
                        "r3,,,u3,primary,student,d1",
                        "r4,,,t1,primary,teacher,s1",
                        "r5,,,u4,primary,,s1"));
        assertEquals("s1", index.schoolOf("u1"), "an enrollment wins over a role");
        assertEquals("s2", index.schoolOf("u2"));
        assertEquals(true, index.enrolledAsStudent("u3"));
        assertEquals(null, index.schoolOf("u3"), "a district places no one");
        assertEquals(false, index.enrolledAsStudent("t1"));
        assertEquals(
                List.of("roles.csv:6:role"),
                index.errors().stream()
                        .map(e -> e.file() + ":" + e.line() + ":" + e.field())
                        .toList());
    }

    @Test
    void deltaRowsNeedAStatusAndADateAndToBeDeletedOnesPlaceNoOne() throws IOException {
        RosterIndex index = new RosterIndex(Set.of("s1"));
        feed(
                index,
                "enrollments",
                Mode.DELTA,
                lines(
                        "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role",
                        "e1,tobedeleted,2026-11-29T10:00:00Z,,s1,u1,student",
                        "e2,active,2026-11-29T10:00:00.000Z,,s1,u2,student",
                        "e3,,2026-11-29T10:00:00Z,,s1,u3,student",
                        "e4,active,,,s1,u4,student"));
        assertEquals(null, index.schoolOf("u1"));
        assertEquals("s1", index.schoolOf("u2"));
        assertEquals(
                List.of("enrollments.csv:4:status", "enrollments.csv:5:dateLastModified"),
                index.errors().stream()
                        .map(e -> e.file() + ":" + e.line() + ":" + e.field())
                        .toList());
    }

    @Test
    void aHeaderWithoutARequiredColumnOrAnUnclosedQuoteIsAMalformedPackage() {
        var missing = assertThrows(
                MalformedPackageException.class,
                () -> CsvTable.open(
                        "users.csv",
                        stream("sourcedId,givenName\nu1,Ada\n"),
                        OneRosterFiles.REQUIRED_COLUMNS.get("users")));
        assertEquals("users.csv", missing.errors().get(0).field());
        var unclosed = assertThrows(MalformedPackageException.class, () -> {
            try (CsvTable table =
                    CsvTable.open("orgs.csv", stream("sourcedId,name\n\"s1,School\n"), List.of("sourcedId"))) {
                table.countRows();
            }
        });
        assertEquals("orgs.csv", unclosed.errors().get(0).field());
    }

    @Test
    void aByteOrderMarkAndCrLfAreReadLikePlainText() throws IOException {
        try (CsvTable table = CsvTable.open(
                "orgs.csv", stream("\ufeffsourcedId,name\r\ns1,Hill\r\n\r\ns2,Dale\r\n"), List.of("sourcedId"))) {
            CsvRow first = table.next();
            assertEquals("s1", first.get("sourcedId"));
            assertEquals(2, first.line());
            assertEquals("Dale", table.next().get("name"));
            assertEquals(null, table.next());
        }
    }

    private static void feed(RosterIndex index, String file, Mode mode, String csv) throws IOException {
        try (CsvTable table = CsvTable.open(file + ".csv", stream(csv), List.of("sourcedId"))) {
            CsvRow row;
            while ((row = table.next()) != null) {
                switch (file) {
                    case "orgs" -> index.org(row, mode);
                    case "classes" -> index.schoolClass(row, mode);
                    case "enrollments" -> index.enrollment(row, mode);
                    case "roles" -> index.role(row, mode);
                    default -> index.demographics(row, mode);
                }
            }
        }
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
