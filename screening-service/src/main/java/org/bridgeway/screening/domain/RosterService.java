package org.bridgeway.screening.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.problem.Problem;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.screening.store.ConsentStore;
import org.bridgeway.screening.store.RosterStore;
import org.bridgeway.screening.store.Student;

/** Bulk, idempotent roster upsert: a student is keyed by studentRef, so pushing the same roster twice changes nothing. */
@ApplicationScoped
public class RosterService {

    private final RosterStore roster;
    private final ConsentStore consents;
    private final IdentityVault vault;
    private final IdentitySeal identities;

    RosterService(RosterStore roster, ConsentStore consents, IdentityVault vault, IdentitySeal identities) {
        this.roster = roster;
        this.consents = consents;
        this.vault = vault;
        this.identities = identities;
    }

    @Transactional
    public RosterCommand.Outcome upsert(Caller caller, String boardId, RosterCommand command) {
        Scope.requireBoard(caller, boardId);
        rejectInvalid(boardId, command);
        roster.upsertSchools(
                boardId,
                command.schools().stream()
                        .map(s -> new RosterStore.SchoolRow(s.schoolId(), s.name()))
                        .toList());
        List<RosterCommand.StudentRef> refs = command.students().stream()
                .map(s -> new RosterCommand.StudentRef(s.sisStudentId(), vault.studentRef(boardId, s.sisStudentId())))
                .toList();
        Set<String> existing = roster.existing(
                boardId, refs.stream().map(RosterCommand.StudentRef::studentRef).toList());
        List<RosterStore.StudentRow> rows = new ArrayList<>();
        for (int i = 0; i < command.students().size(); i++) {
            RosterCommand.Student s = command.students().get(i);
            String ref = refs.get(i).studentRef();
            rows.add(new RosterStore.StudentRow(
                    ref,
                    s.schoolId(),
                    s.grade(),
                    s.dateOfBirth().withDayOfMonth(1),
                    identities.seal(
                            ref,
                            new StudentIdentity(s.sisStudentId(), s.givenName(), s.familyName(), s.dateOfBirth()))));
        }
        roster.upsertStudents(boardId, rows);
        int created = (int)
                refs.stream().filter(r -> !existing.contains(r.studentRef())).count();
        return new RosterCommand.Outcome(command.schools().size(), created, refs.size() - created, refs);
    }

    /** The board's students this caller may see, each with the consent in force (one query for the whole page). */
    @Transactional
    public Page<StudentSummary> students(Caller caller, String boardId, String schoolId, PageRequest request) {
        Page<Student> page = roster.page(Scope.listing(caller, boardId, schoolId), request);
        Map<String, String> consent = consents.currentStatuses(
                page.items().stream().map(s -> s.studentRef).toList());
        return page.map(s -> new StudentSummary(
                s.studentRef,
                s.schoolId,
                s.grade,
                ConsentStatus.of(consent.get(s.studentRef)),
                s.deactivatedAt == null));
    }

    private void rejectInvalid(String boardId, RosterCommand command) {
        Set<String> knownSchools = new HashSet<>(roster.schoolIds(boardId));
        command.schools().forEach(s -> knownSchools.add(s.schoolId()));
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < command.students().size(); i++) {
            RosterCommand.Student student = command.students().get(i);
            if (!knownSchools.contains(student.schoolId())) {
                errors.add(
                        new Problem.FieldError("students[" + i + "].schoolId", "unknown school " + student.schoolId()));
            }
            if (!seen.add(student.sisStudentId())) {
                errors.add(new Problem.FieldError("students[" + i + "].sisStudentId", "appears twice in this roster"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("The roster has invalid rows; nothing was stored.", errors);
        }
    }
}
