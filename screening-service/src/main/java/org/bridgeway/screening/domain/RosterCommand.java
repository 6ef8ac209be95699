package org.bridgeway.screening.domain;

import java.time.LocalDate;
import java.util.List;

/** A roster push: schools and students of one board, as the SIS knows them. */
public record RosterCommand(List<School> schools, List<Student> students) {

    public record School(String schoolId, String name) {}

    public record Student(
            String sisStudentId,
            String schoolId,
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            Integer grade) {}

    /** What a push did; each student's opaque ref is handed back for later calls. */
    public record Outcome(int schools, int studentsCreated, int studentsUpdated, List<StudentRef> students) {}

    public record StudentRef(String sisStudentId, String studentRef) {}
}
