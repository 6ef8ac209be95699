package org.bridgeway.screening.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.bridgeway.events.ConsentChanged;
import org.bridgeway.platform.outbox.Outbox;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.screening.store.Consent;
import org.bridgeway.screening.store.ConsentStore;
import org.bridgeway.screening.store.Student;

/** Consent per student with its history; every change is audited and announced as ConsentChanged. */
@ApplicationScoped
public class ConsentService {

    private final Students students;
    private final ConsentStore consents;
    private final Outbox outbox;
    private final AuditLog audit;

    ConsentService(Students students, ConsentStore consents, Outbox outbox, AuditLog audit) {
        this.students = students;
        this.consents = consents;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public ConsentCommand.Entry record(Caller caller, String boardId, String studentRef, ConsentCommand command) {
        Student student = students.ofBoard(caller, boardId, studentRef);
        Consent consent = new Consent();
        consent.studentRef = student.studentRef;
        consent.status = command.status().value();
        consent.givenBy = command.givenBy();
        consent.scope = command.scope() == null ? List.of() : List.copyOf(command.scope());
        consent.givenOn = command.givenOn();
        consent.recordedAt = Instant.now();
        consent.recordedBy = caller.subject();
        consents.add(consent);
        audit.record(caller, AuditLog.CONSENT_CHANGED, "consent", student.studentRef, "status=" + consent.status);
        outbox.add(
                student.studentRef,
                student.studentRef,
                new ConsentChanged(
                        student.studentRef,
                        student.boardId,
                        consent.status,
                        consent.givenBy,
                        consent.scope,
                        consent.recordedAt));
        return entry(consent);
    }

    /** Newest first; school staff see only students of their own schools. */
    @Transactional
    public List<ConsentCommand.Entry> history(Caller caller, String boardId, String studentRef) {
        Student student = students.inReach(caller, boardId, studentRef);
        return consents.history(student.studentRef).stream()
                .map(ConsentService::entry)
                .toList();
    }

    private static ConsentCommand.Entry entry(Consent c) {
        return new ConsentCommand.Entry(
                c.studentRef, ConsentStatus.of(c.status), c.givenBy, c.scope, c.givenOn, c.recordedAt, c.recordedBy);
    }
}
