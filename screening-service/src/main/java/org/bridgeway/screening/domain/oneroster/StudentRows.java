package org.bridgeway.screening.domain.oneroster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.bridgeway.screening.domain.StudentIdentity;

/**
 * What one users.csv row does to the roster. A user is a student when an enrollment of the package names them
 * as one (or a 1.1-style {@code role} column says so), or when the board already has them; anyone else is
 * skipped. The sourcedId is the SIS student id, so the studentRef is the one the JSON roster derives.
 * A student keeps what the package does not restate: a delta row without an enrollment keeps its school,
 * and without demographics its birth date.
 */
public final class StudentRows {

    static final int MAX_NAME = 100;

    private StudentRows() {}

    /** The student as the board has them now; null for a student the board does not have. */
    public record Existing(String schoolId, Integer grade, StudentIdentity identity, boolean deactivated) {}

    public sealed interface Decision {}

    /** Not a student, or a deletion of someone the board never had. */
    public record Skip() implements Decision {}

    public record Rejected(List<RosterRowError> errors) implements Decision {}

    /** The board already has exactly this. */
    public record Unchanged() implements Decision {}

    public record Deactivate() implements Decision {}

    public record Write(String schoolId, Integer grade, StudentIdentity identity, boolean created)
            implements Decision {}

    /** The sourcedId the row keys on, when it is one the roster could key on; else null. */
    public static String key(CsvRow row) {
        return RowStatus.id(row, "sourcedId", new ArrayList<>());
    }

    public static Decision decide(CsvRow row, Mode mode, RosterIndex index, Existing existing) {
        List<RosterRowError> errors = new ArrayList<>();
        String id = RowStatus.id(row, "sourcedId", errors);
        RowStatus status = RowStatus.of(row, mode, errors);
        if (!errors.isEmpty()) {
            return new Rejected(errors);
        }
        String role = row.get("role");
        boolean student = role.isEmpty() ? index.enrolledAsStudent(id) || existing != null : "student".equals(role);
        if (!student) {
            return new Skip();
        }
        if (status == RowStatus.TO_BE_DELETED) {
            return existing == null ? new Skip() : existing.deactivated() ? new Unchanged() : new Deactivate();
        }
        String givenName = RowStatus.text(row, "givenName", MAX_NAME, errors);
        String familyName = RowStatus.text(row, "familyName", MAX_NAME, errors);
        Integer grade = grade(row, errors);
        String school = index.schoolOf(id) != null ? index.schoolOf(id) : existing == null ? null : existing.schoolId();
        if (school == null) {
            errors.add(row.error("sourcedId", "no student enrollment in enrollments.csv places this user in a school"));
        }
        if (!errors.isEmpty()) {
            return new Rejected(errors);
        }
        LocalDate birthDate = index.birthDateOf(id) != null
                ? index.birthDateOf(id)
                : existing == null ? null : existing.identity().dateOfBirth();
        StudentIdentity identity = new StudentIdentity(id, givenName, familyName, birthDate);
        if (existing != null
                && !existing.deactivated()
                && existing.schoolId().equals(school)
                && Objects.equals(existing.grade(), grade)
                && existing.identity().equals(identity)) {
            return new Unchanged();
        }
        return new Write(school, grade, identity, existing == null);
    }

    /**
     * {@code grades} is a list of CEDS grade codes; a student is in one grade, KG (0) to 12. Blank: unknown.
     */
    static Integer grade(CsvRow row, List<RosterRowError> errors) {
        String cell = row.get("grades");
        if (cell.isEmpty()) {
            return null;
        }
        Set<Integer> grades = new LinkedHashSet<>();
        for (String code : cell.split(",")) {
            Integer grade = gradeOf(code.trim().toUpperCase(Locale.ROOT));
            if (grade == null) {
                errors.add(row.error("grades", "must be KG or 01 to 12, the grades this program screens"));
                return null;
            }
            grades.add(grade);
        }
        if (grades.size() > 1) {
            errors.add(row.error("grades", "must name one grade for a student"));
            return null;
        }
        return grades.iterator().next();
    }

    private static Integer gradeOf(String code) {
        if (code.equals("KG")) {
            return 0;
        }
        if (!code.matches("\\d{1,2}")) {
            return null;
        }
        int grade = Integer.parseInt(code);
        return grade >= 1 && grade <= 12 ? grade : null;
    }
}
