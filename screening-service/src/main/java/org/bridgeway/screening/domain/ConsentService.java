package org.bridgeway.screening.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bridgeway.events.ConsentChanged;
import org.bridgeway.platform.outbox.Outbox;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.screening.api.ConsentDtos.ConsentInput;
import org.bridgeway.screening.api.ConsentDtos.ConsentView;
import org.bridgeway.screening.store.ConsentRecord;
import org.bridgeway.screening.store.Student;

import java.time.Instant;
import java.util.List;

/** Consent per student with its history; every change is audited and announced as ConsentChanged. */
@ApplicationScoped
public class ConsentService {

    private final Outbox outbox;
    private final AuditLog audit;

    ConsentService(Outbox outbox, AuditLog audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public ConsentView record(Caller caller, Student student, ConsentInput input) {
        ConsentRecord record = new ConsentRecord();
        record.studentRef = student.studentRef;
        record.status = input.status();
        record.givenBy = input.givenBy();
        record.scope = input.scope() == null ? List.of() : List.copyOf(input.scope());
        record.givenOn = input.givenOn();
        record.recordedAt = Instant.now();
        record.recordedBy = caller.subject();
        record.persist();
        audit.record(caller, AuditLog.CONSENT_CHANGED, "consent", student.studentRef, "status=" + record.status);
        outbox.add(student.studentRef, student.studentRef,
                new ConsentChanged(student.studentRef, student.boardId, record.status, record.givenBy, record.scope, record.recordedAt));
        return view(record);
    }

    @Transactional
    public List<ConsentView> history(String studentRef) {
        return ConsentRecord.history(studentRef).stream().map(ConsentService::view).toList();
    }

    public static ConsentView view(ConsentRecord r) {
        return new ConsentView(r.studentRef, r.status, r.givenBy, r.scope, r.givenOn, r.recordedAt, r.recordedBy);
    }

    /** The student of this board, or 404: a ref from another board is as unknown as a made-up one. */
    @Transactional
    public Student student(String boardId, String studentRef) {
        Student student = Student.findById(studentRef);
        if (student == null || !student.boardId.equals(boardId)) {
            throw ApiException.notFound("No student " + studentRef + " in board " + boardId + ".");
        }
        return student;
    }
}
