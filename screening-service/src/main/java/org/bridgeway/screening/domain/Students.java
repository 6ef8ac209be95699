package org.bridgeway.screening.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.screening.store.RosterStore;
import org.bridgeway.screening.store.Student;

/** Finds the student a call names, within what the caller may reach. */
@ApplicationScoped
public class Students {

    private final RosterStore roster;

    Students(RosterStore roster) {
        this.roster = roster;
    }

    /** The student of this board, or 404: a ref from another board is as unknown as a made-up one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Student ofBoard(Caller caller, String boardId, String studentRef) {
        Scope.requireBoard(caller, boardId);
        return roster.find(studentRef)
                .filter(s -> s.boardId.equals(boardId))
                .orElseThrow(() -> ApiException.notFound("No student " + studentRef + " in board " + boardId + "."));
    }

    /** As {@link #ofBoard}, and only in the caller's schools (404 otherwise, as for any unknown student). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Student inReach(Caller caller, String boardId, String studentRef) {
        Student student = ofBoard(caller, boardId, studentRef);
        Scope.requireSchool(caller, boardId, student.schoolId, "No student " + studentRef + " in your schools.");
        return student;
    }
}
