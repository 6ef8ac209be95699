package org.bridgeway.screening.domain.oneroster;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeway.platform.validation.BirthDate;
import org.bridgeway.platform.validation.PlausibleDates;

/**
 * What orgs.csv, classes.csv, enrollments.csv, roles.csv and demographics.csv say about students: the schools,
 * the school each student is enrolled in (enrollment.schoolSourcedId, or the enrollment's class's school; else
 * the school of a student role in roles.csv) and each student's birth date. Fed row by row, in that file order;
 * every row it cannot use is a row error.
 */
public final class RosterIndex {

    static final String SCHOOL = "school";
    private static final Set<String> ORG_TYPES =
            Set.of("department", "school", "district", "local", "state", "national");
    private static final Set<String> ENROLLMENT_ROLES = Set.of("administrator", "proctor", "student", "teacher");
    private static final int MAX_NAME = 200;

    /** A school to upsert, as orgs.csv names it. */
    public record School(String schoolId, String name) {}

    private final Set<String> boardSchools;
    private final Map<String, School> schools = new LinkedHashMap<>();
    private final Set<String> orgIds = new HashSet<>();
    private final Map<String, String> classSchools = new HashMap<>();
    private final Map<String, String> studentSchools = new HashMap<>();
    private final Map<String, String> roleSchools = new HashMap<>();
    private final Set<String> primaryChosen = new HashSet<>();
    private final Set<String> enrolledStudents = new HashSet<>();
    private final Map<String, LocalDate> birthDates = new HashMap<>();
    private final List<RosterRowError> errors = new ArrayList<>();

    /** @param boardSchools the schools already on the board's roster, which classes and enrollments may name */
    public RosterIndex(Set<String> boardSchools) {
        this.boardSchools = Set.copyOf(boardSchools);
    }

    public void org(CsvRow row, Mode mode) {
        List<RosterRowError> rowErrors = new ArrayList<>();
        RowStatus status = RowStatus.of(row, mode, rowErrors);
        String id = RowStatus.id(row, "sourcedId", rowErrors);
        String type = row.get("type");
        if (!ORG_TYPES.contains(type)) {
            rowErrors.add(row.error("type", "must be one of department, school, district, local, state, national"));
        }
        String name = SCHOOL.equals(type) ? RowStatus.text(row, "name", MAX_NAME, rowErrors) : null;
        if (id != null && !orgIds.add(id)) {
            rowErrors.add(row.error("sourcedId", "appears twice in orgs.csv"));
        }
        if (!rowErrors.isEmpty()) {
            errors.addAll(rowErrors);
            return;
        }
        // a school marked tobedeleted keeps its row: its students' screenings still name it
        if (SCHOOL.equals(type) && status == RowStatus.ACTIVE) {
            schools.put(id, new School(id, name));
        }
    }

    public void schoolClass(CsvRow row, Mode mode) {
        List<RosterRowError> rowErrors = new ArrayList<>();
        RowStatus status = RowStatus.of(row, mode, rowErrors);
        String id = RowStatus.id(row, "sourcedId", rowErrors);
        String school = RowStatus.id(row, "schoolSourcedId", rowErrors);
        if (school != null && !isSchool(school)) {
            rowErrors.add(row.error("schoolSourcedId", "names no school of orgs.csv or of this board's roster"));
        }
        if (!rowErrors.isEmpty()) {
            errors.addAll(rowErrors);
        } else if (status == RowStatus.ACTIVE) {
            classSchools.put(id, school);
        }
    }

    public void enrollment(CsvRow row, Mode mode) {
        List<RosterRowError> rowErrors = new ArrayList<>();
        RowStatus status = RowStatus.of(row, mode, rowErrors);
        String role = row.get("role");
        if (!ENROLLMENT_ROLES.contains(role)) {
            rowErrors.add(row.error("role", "must be one of administrator, proctor, student, teacher"));
        }
        String user = RowStatus.id(row, "userSourcedId", rowErrors);
        if (!rowErrors.isEmpty()) {
            errors.addAll(rowErrors);
            return;
        }
        if (!"student".equals(role)) {
            return;
        }
        enrolledStudents.add(user);
        if (status != RowStatus.ACTIVE) {
            return;
        }
        String school = schoolOf(row);
        if (school == null) {
            return;
        }
        boolean primary = "true".equalsIgnoreCase(row.get("primary"));
        // the first enrollment places the student, unless a later one is marked primary
        if (primary ? primaryChosen.add(user) : !studentSchools.containsKey(user)) {
            studentSchools.put(user, school);
        }
    }

    /** The enrollment's own school, else its class's; null after a row error when neither is a school. */
    private String schoolOf(CsvRow row) {
        String school = row.get("schoolSourcedId");
        if (isSchool(school)) {
            return school;
        }
        String classId = row.get("classSourcedId");
        if (classSchools.containsKey(classId)) {
            return classSchools.get(classId);
        }
        errors.add(
                school.isEmpty() && !classId.isEmpty()
                        ? row.error("classSourcedId", "names no class of classes.csv that is in a school")
                        : row.error("schoolSourcedId", "names no school of orgs.csv or of this board's roster"));
        return null;
    }

    /** OneRoster 1.2 keeps a user's role in roles.csv: a student role makes the user a student of that org. */
    public void role(CsvRow row, Mode mode) {
        List<RosterRowError> rowErrors = new ArrayList<>();
        RowStatus status = RowStatus.of(row, mode, rowErrors);
        String user = RowStatus.id(row, "userSourcedId", rowErrors);
        if (row.get("role").isEmpty()) {
            rowErrors.add(row.error("role", "must not be blank"));
        }
        if (!rowErrors.isEmpty()) {
            errors.addAll(rowErrors);
            return;
        }
        if (!"student".equals(row.get("role"))) {
            return;
        }
        enrolledStudents.add(user);
        String org = row.get("orgSourcedId");
        // a student's role may name a district or a program: only a school places them
        if (status == RowStatus.ACTIVE && isSchool(org) && !"secondary".equals(row.get("roleType"))) {
            roleSchools.putIfAbsent(user, org);
        }
    }

    public void demographics(CsvRow row, Mode mode) {
        List<RosterRowError> rowErrors = new ArrayList<>();
        RowStatus status = RowStatus.of(row, mode, rowErrors);
        String user = RowStatus.id(row, "sourcedId", rowErrors);
        LocalDate birthDate = null;
        String value = row.get("birthDate");
        if (!value.isEmpty()) {
            try {
                birthDate = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                birthDate = null;
            }
            if (birthDate == null || !PlausibleDates.isBirthDate(birthDate)) {
                rowErrors.add(row.error(
                        "birthDate", "must be a date (YYYY-MM-DD) within the last " + BirthDate.YEARS + " years"));
            }
        }
        if (!rowErrors.isEmpty()) {
            errors.addAll(rowErrors);
        } else if (status == RowStatus.ACTIVE && birthDate != null) {
            birthDates.put(user, birthDate);
        }
    }

    private boolean isSchool(String id) {
        return schools.containsKey(id) || boardSchools.contains(id);
    }

    public List<School> schools() {
        return List.copyOf(schools.values());
    }

    /** Whether an enrollment or a role in this package names the user as a student. */
    public boolean enrolledAsStudent(String user) {
        return enrolledStudents.contains(user);
    }

    /** The school an active student enrollment places the user in, else their student role's school, or null. */
    public String schoolOf(String user) {
        String enrolled = studentSchools.get(user);
        return enrolled != null ? enrolled : roleSchools.get(user);
    }

    /** The birth date demographics.csv gives the user, or null. */
    public LocalDate birthDateOf(String user) {
        return birthDates.get(user);
    }

    public List<RosterRowError> errors() {
        return List.copyOf(errors);
    }
}
