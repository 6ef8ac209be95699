package org.bridgeway.screening.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;

/** Schools and students of each board, written in bulk: pushing the same roster twice changes nothing. */
@ApplicationScoped
public class RosterStore {

    private final AgroalDataSource dataSource;

    RosterStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A student row as the roster writes it; {@code identity} is already encrypted. */
    public record StudentRow(
            String studentRef, String schoolId, Integer grade, LocalDate birthMonth, byte[] identity) {}

    /** A school row as the roster writes it. */
    public record SchoolRow(String schoolId, String name) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> schoolIds(String boardId) {
        Set<String> ids = new HashSet<>();
        School.<School>list("id.boardId", boardId).forEach(s -> ids.add(s.id.schoolId()));
        return ids;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void upsertSchools(String boardId, List<SchoolRow> schools) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert =
                        connection.prepareStatement("INSERT INTO school (board_id, school_id, name) VALUES (?, ?, ?)"
                                + " ON CONFLICT (board_id, school_id) DO UPDATE SET name = excluded.name, updated_at = now()"
                                // the same name again changes nothing, not even updated_at
                                + " WHERE school.name IS DISTINCT FROM excluded.name")) {
            for (SchoolRow school : schools) {
                upsert.setString(1, boardId);
                upsert.setString(2, school.schoolId());
                upsert.setString(3, school.name());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("school upsert failed", e);
        }
    }

    /** Which of these students are on this board's roster already (never another board's: that would reveal them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> existing(String boardId, Collection<String> studentRefs) {
        Set<String> existing = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT student_ref FROM student WHERE board_id = ? AND student_ref = ANY (?)")) {
            select.setString(1, boardId);
            select.setArray(2, connection.createArrayOf("text", studentRefs.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
            return existing;
        } catch (SQLException e) {
            throw new IllegalStateException("reading students failed", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void upsertStudents(String boardId, List<StudentRow> students) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(
                        "INSERT INTO student (student_ref, board_id, school_id, grade, birth_month, identity) VALUES (?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (student_ref) DO UPDATE SET school_id = excluded.school_id, grade = excluded.grade,"
                                + " birth_month = excluded.birth_month, identity = excluded.identity, updated_at = now(),"
                                // a student the SIS names again is on the roster again
                                + " deactivated_at = NULL"
                                // a ref of another board is never overwritten, whatever derived it
                                + " WHERE student.board_id = excluded.board_id")) {
            for (StudentRow s : students) {
                upsert.setString(1, s.studentRef());
                upsert.setString(2, boardId);
                upsert.setString(3, s.schoolId());
                upsert.setObject(4, s.grade());
                upsert.setObject(5, s.birthMonth());
                upsert.setBytes(6, s.identity());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("student upsert failed", e);
        }
    }

    /** A student of the board as stored, for a roster import to compare with what it reads. */
    public record StoredStudent(String schoolId, Integer grade, byte[] identity, boolean deactivated) {}

    /** The board's students among these refs, as stored (never another board's). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, StoredStudent> stored(String boardId, Collection<String> studentRefs) {
        Map<String, StoredStudent> stored = new HashMap<>();
        if (studentRefs.isEmpty()) {
            return stored;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT student_ref, school_id, grade, identity, deactivated_at IS NOT NULL FROM student"
                                + " WHERE board_id = ? AND student_ref = ANY (?)")) {
            select.setString(1, boardId);
            select.setArray(2, connection.createArrayOf("text", studentRefs.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    stored.put(
                            rs.getString(1),
                            new StoredStudent(
                                    rs.getString(2), (Integer) rs.getObject(3), rs.getBytes(4), rs.getBoolean(5)));
                }
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("reading students failed", e);
        }
    }

    /** Deactivates the board's students among these refs that are active; the rows and refs stay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deactivate(String boardId, Collection<String> studentRefs) {
        if (studentRefs.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE student SET deactivated_at = now(), updated_at = now()"
                                + " WHERE board_id = ? AND student_ref = ANY (?) AND deactivated_at IS NULL")) {
            update.setString(1, boardId);
            update.setArray(2, connection.createArrayOf("text", studentRefs.toArray()));
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("deactivating students failed", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Student> find(String studentRef) {
        return Student.findByIdOptional(studentRef);
    }

    /** The filter's students, by school and ref. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<Student> page(SchoolFilter filter, PageRequest request) {
        Map<String, Object> params = new HashMap<>();
        var found = Student.<Student>find(filter.where(params) + " order by schoolId, studentRef", params);
        return Page.of(found.page(request.page(), request.size()).list(), request, found.count());
    }

    /** What rows need to know about their students, in one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, StudentFacts> facts(Collection<String> studentRefs) {
        Map<String, StudentFacts> facts = new HashMap<>();
        if (studentRefs.isEmpty()) {
            return facts;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT student_ref, board_id, school_id, grade, birth_month, deactivated_at IS NOT NULL FROM student"
                                + " WHERE student_ref = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", studentRefs.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    facts.put(
                            rs.getString(1),
                            new StudentFacts(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    (Integer) rs.getObject(4),
                                    rs.getObject(5, LocalDate.class),
                                    rs.getBoolean(6)));
                }
            }
            return facts;
        } catch (SQLException e) {
            throw new IllegalStateException("reading students failed", e);
        }
    }
}
