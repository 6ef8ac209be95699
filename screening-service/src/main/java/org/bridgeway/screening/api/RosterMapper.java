package org.bridgeway.screening.api;

import org.bridgeway.screening.api.RosterDtos.RosterResult;
import org.bridgeway.screening.api.RosterDtos.RosterUpload;
import org.bridgeway.screening.api.RosterDtos.StudentRefView;
import org.bridgeway.screening.api.RosterDtos.StudentView;
import org.bridgeway.screening.domain.RosterCommand;
import org.bridgeway.screening.domain.StudentSummary;

/** Rosters and students between their JSON and the domain. */
final class RosterMapper {

    private RosterMapper() {}

    static RosterCommand command(RosterUpload upload) {
        return new RosterCommand(
                upload.schools().stream()
                        .map(s -> new RosterCommand.School(s.schoolId(), s.name()))
                        .toList(),
                upload.students().stream()
                        .map(s -> new RosterCommand.Student(
                                s.sisStudentId(),
                                s.schoolId(),
                                s.givenName(),
                                s.familyName(),
                                s.dateOfBirth(),
                                s.grade()))
                        .toList());
    }

    static RosterResult result(RosterCommand.Outcome outcome) {
        return new RosterResult(
                outcome.schools(),
                outcome.studentsCreated(),
                outcome.studentsUpdated(),
                outcome.students().stream()
                        .map(r -> new StudentRefView(r.sisStudentId(), r.studentRef()))
                        .toList());
    }

    static StudentView view(StudentSummary s) {
        return new StudentView(
                s.studentRef(), s.schoolId(), s.grade(), s.consent().value(), s.active());
    }
}
