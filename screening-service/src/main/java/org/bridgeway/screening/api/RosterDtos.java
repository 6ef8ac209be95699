package org.bridgeway.screening.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.bridgeway.platform.validation.BirthDate;

/** Request and response bodies of the roster API. */
public final class RosterDtos {

    private RosterDtos() {}

    public record RosterUpload(
            @NotNull List<@Valid SchoolInput> schools,
            @NotNull @Size(max = 100_000) List<@Valid StudentInput> students) {}

    public record SchoolInput(
            @NotBlank @Size(max = 64) String schoolId,
            @NotBlank @Size(max = 200) String name) {}

    public record StudentInput(
            @NotBlank @Size(max = 64) String sisStudentId,
            @NotBlank @Size(max = 64) String schoolId,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @BirthDate LocalDate dateOfBirth,
            @Min(0) @Max(12) Integer grade) {}

    public record RosterResult(int schools, int studentsCreated, int studentsUpdated, List<StudentRefView> students) {}

    /** The SIS learns the opaque ref of each student it pushed, to use in later calls. */
    public record StudentRefView(String sisStudentId, String studentRef) {}

    /** {@code active} is false for a student the SIS deactivated (OneRoster delta tobedeleted). */
    public record StudentView(String studentRef, String schoolId, Integer grade, String consent, boolean active) {}
}
