package org.bridgeway.screening.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bridgeway.platform.api.Page;
import org.bridgeway.platform.api.PageRequest;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.problem.Problem;
import org.bridgeway.screening.api.RosterDtos.RosterResult;
import org.bridgeway.screening.api.RosterDtos.RosterUpload;
import org.bridgeway.screening.api.RosterDtos.SchoolInput;
import org.bridgeway.screening.api.RosterDtos.StudentInput;
import org.bridgeway.screening.api.RosterDtos.StudentRefView;
import org.bridgeway.screening.api.RosterDtos.StudentView;
import org.bridgeway.screening.store.ConsentRecord;
import org.bridgeway.screening.store.School;
import org.bridgeway.screening.store.Student;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Bulk, idempotent roster upsert: a student is keyed by studentRef, so pushing the same roster twice changes nothing. */
@ApplicationScoped
public class RosterService {

    private final AgroalDataSource dataSource;
    private final IdentityVault vault;
    private final ObjectMapper json;

    RosterService(AgroalDataSource dataSource, IdentityVault vault, ObjectMapper json) {
        this.dataSource = dataSource;
        this.vault = vault;
        this.json = json;
    }

    @Transactional
    public RosterResult upsert(String boardId, RosterUpload roster) {
        Set<String> knownSchools = new HashSet<>();
        roster.schools().forEach(s -> knownSchools.add(s.schoolId()));
        School.<School>list("id.boardId", boardId).forEach(s -> knownSchools.add(s.id.schoolId()));
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < roster.students().size(); i++) {
            StudentInput student = roster.students().get(i);
            if (!knownSchools.contains(student.schoolId())) {
                errors.add(new Problem.FieldError("students[" + i + "].schoolId", "unknown school " + student.schoolId()));
            }
            if (!seen.add(student.sisStudentId())) {
                errors.add(new Problem.FieldError("students[" + i + "].sisStudentId", "appears twice in this roster"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("The roster has invalid rows; nothing was stored.", errors);
        }
        try (Connection connection = dataSource.getConnection()) {
            upsertSchools(connection, boardId, roster.schools());
            return upsertStudents(connection, boardId, roster);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("roster upsert failed", e);
        }
    }

    private void upsertSchools(Connection connection, String boardId, List<SchoolInput> schools) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO school (board_id, school_id, name) VALUES (?, ?, ?)"
                + " ON CONFLICT (board_id, school_id) DO UPDATE SET name = excluded.name, updated_at = now()")) {
            for (SchoolInput school : schools) {
                upsert.setString(1, boardId);
                upsert.setString(2, school.schoolId());
                upsert.setString(3, school.name());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private RosterResult upsertStudents(Connection connection, String boardId, RosterUpload roster)
            throws SQLException, JsonProcessingException {
        List<StudentRefView> refs = new ArrayList<>();
        for (StudentInput s : roster.students()) {
            refs.add(new StudentRefView(s.sisStudentId(), vault.studentRef(boardId, s.sisStudentId())));
        }
        Set<String> existing = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT student_ref FROM student WHERE student_ref = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", refs.stream().map(StudentRefView::studentRef).toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO student (student_ref, board_id, school_id, grade, birth_month, identity) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (student_ref) DO UPDATE SET school_id = excluded.school_id, grade = excluded.grade,"
                        + " birth_month = excluded.birth_month, identity = excluded.identity, updated_at = now()")) {
            for (int i = 0; i < roster.students().size(); i++) {
                StudentInput s = roster.students().get(i);
                String ref = refs.get(i).studentRef();
                String identity = json.writeValueAsString(
                        new StudentIdentity(s.sisStudentId(), s.givenName(), s.familyName(), s.dateOfBirth()));
                upsert.setString(1, ref);
                upsert.setString(2, boardId);
                upsert.setString(3, s.schoolId());
                upsert.setObject(4, s.grade());
                upsert.setObject(5, s.dateOfBirth().withDayOfMonth(1));
                upsert.setBytes(6, vault.encrypt(ref, identity));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        int created = (int) refs.stream().filter(r -> !existing.contains(r.studentRef())).count();
        return new RosterResult(roster.schools().size(), created, refs.size() - created, refs);
    }

    @Transactional
    public Page<StudentView> students(String boardId, String schoolId, Set<String> schoolScope, PageRequest request) {
        StringBuilder query = new StringBuilder("boardId = :board");
        var params = new java.util.HashMap<String, Object>();
        params.put("board", boardId);
        if (schoolId != null) {
            query.append(" and schoolId = :school");
            params.put("school", schoolId);
        }
        if (schoolScope != null) {
            query.append(" and schoolId in :scope");
            params.put("scope", schoolScope.isEmpty() ? Set.of("") : schoolScope);
        }
        var found = Student.<Student>find(query + " order by schoolId, studentRef", params);
        long total = found.count();
        List<StudentView> items = found.page(request.page(), request.size()).list().stream()
                .map(s -> new StudentView(s.studentRef, s.schoolId, s.grade,
                        ConsentRecord.current(s.studentRef).map(c -> c.status).orElse("unknown")))
                .toList();
        return Page.of(items, request, total);
    }

    public String studentRef(String boardId, String sisStudentId) {
        return vault.studentRef(boardId, sisStudentId);
    }
}
