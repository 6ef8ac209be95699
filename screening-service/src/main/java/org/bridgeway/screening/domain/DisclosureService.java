package org.bridgeway.screening.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bridgeway.platform.api.Page;
import org.bridgeway.platform.api.PageRequest;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.screening.api.DisclosureDtos.AuditView;
import org.bridgeway.screening.api.DisclosureDtos.DisclosureRequest;
import org.bridgeway.screening.api.DisclosureDtos.Identity;
import org.bridgeway.screening.store.AuditEntry;
import org.bridgeway.screening.store.ConsentRecord;
import org.bridgeway.screening.store.Student;

/**
 * The only way identity leaves this service: with consent granted, for a stated purpose, and
 * audited whether it is given or refused.
 */
@ApplicationScoped
public class DisclosureService {

    private final IdentityVault vault;
    private final AuditLog audit;
    private final ObjectMapper json;

    DisclosureService(IdentityVault vault, AuditLog audit, ObjectMapper json) {
        this.vault = vault;
        this.audit = audit;
        this.json = json;
    }

    public Identity disclose(Caller caller, Student student, DisclosureRequest request) {
        String consent = QuarkusTransaction.requiringNew().call(() ->
                ConsentRecord.current(student.studentRef).map(c -> c.status).orElse("unknown"));
        String detail = "referral=" + request.referralId() + " consent=" + consent;
        if (!"granted".equals(consent)) {
            // The refusal is audited in its own transaction: the 403 must not roll it back.
            QuarkusTransaction.requiringNew().run(() ->
                    audit.record(caller, AuditLog.IDENTITY_REFUSED, request.purpose(), student.studentRef, detail));
            throw ApiException.forbidden("Identity is disclosed only with consent granted; this student's consent is " + consent + ".");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            audit.record(caller, AuditLog.IDENTITY_DISCLOSED, request.purpose(), student.studentRef, detail);
            StudentIdentity identity = read(vault.decrypt(student.studentRef, student.identity));
            return new Identity(student.studentRef, identity.sisStudentId(), identity.givenName(), identity.familyName(),
                    identity.dateOfBirth(), student.schoolId, student.grade);
        });
    }

    @Transactional
    public Page<AuditView> auditLog(String studentRef, PageRequest request) {
        var query = studentRef == null ? AuditEntry.<AuditEntry>find("order by id desc")
                : AuditEntry.<AuditEntry>find("studentRef = ?1 order by id desc", studentRef);
        return Page.of(query.page(request.page(), request.size()).list().stream()
                .map(a -> new AuditView(a.id, a.at, a.actor, a.role, a.action, a.purpose, a.studentRef, a.detail))
                .toList(), request, query.count());
    }

    private StudentIdentity read(String identity) {
        try {
            return json.readValue(identity, StudentIdentity.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
