package org.bridgeway.screening.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.screening.store.AuditStore;
import org.bridgeway.screening.store.ConsentStore;
import org.bridgeway.screening.store.Student;

/**
 * The only way identity leaves this service: with consent granted, for a stated purpose, and
 * audited whether it is given or refused.
 */
@ApplicationScoped
public class DisclosureService {

    private final Students students;
    private final ConsentStore consents;
    private final AuditStore auditStore;
    private final IdentityVault vault;
    private final AuditLog audit;
    private final ObjectMapper json;

    DisclosureService(
            Students students,
            ConsentStore consents,
            AuditStore auditStore,
            IdentityVault vault,
            AuditLog audit,
            ObjectMapper json) {
        this.students = students;
        this.consents = consents;
        this.auditStore = auditStore;
        this.vault = vault;
        this.audit = audit;
        this.json = json;
    }

    public DisclosureCommand.Identity disclose(
            Caller caller, String boardId, String studentRef, DisclosureCommand command) {
        Student student = QuarkusTransaction.requiringNew().call(() -> students.ofBoard(caller, boardId, studentRef));
        ConsentStatus consent = QuarkusTransaction.requiringNew()
                .call(() -> ConsentStatus.of(
                        consents.current(student.studentRef).map(c -> c.status).orElse(null)));
        String detail = "referral=" + command.referralId() + " consent=" + consent.value();
        if (consent != ConsentStatus.GRANTED) {
            // The refusal is audited in its own transaction: the 403 must not roll it back.
            QuarkusTransaction.requiringNew()
                    .run(() -> audit.record(
                            caller, AuditLog.IDENTITY_REFUSED, command.purpose(), student.studentRef, detail));
            throw ApiException.forbidden("Identity is disclosed only with consent granted; this student's consent is "
                    + consent.value() + ".");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            audit.record(caller, AuditLog.IDENTITY_DISCLOSED, command.purpose(), student.studentRef, detail);
            StudentIdentity identity = read(vault.decrypt(student.studentRef, student.identity));
            return new DisclosureCommand.Identity(
                    student.studentRef,
                    identity.sisStudentId(),
                    identity.givenName(),
                    identity.familyName(),
                    identity.dateOfBirth(),
                    student.schoolId,
                    student.grade);
        });
    }

    @Transactional
    public Page<AuditRecord> auditLog(String studentRef, PageRequest request) {
        return auditStore
                .page(studentRef, request)
                .map(a -> new AuditRecord(a.id, a.at, a.actor, a.role, a.action, a.purpose, a.studentRef, a.detail));
    }

    private StudentIdentity read(String identity) {
        try {
            return json.readValue(identity, StudentIdentity.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
