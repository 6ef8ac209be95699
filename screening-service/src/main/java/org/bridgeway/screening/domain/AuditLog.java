package org.bridgeway.screening.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.screening.store.AuditEntry;
import org.bridgeway.screening.store.AuditStore;

/** Who did what to which student, and why: identity disclosures, consent changes, reviews. */
@ApplicationScoped
public class AuditLog {

    public static final String IDENTITY_DISCLOSED = "identity-disclosed";
    public static final String IDENTITY_REFUSED = "identity-disclosure-refused";
    public static final String CONSENT_CHANGED = "consent-changed";
    public static final String SCREENING_REVIEWED = "screening-reviewed";

    private final AuditStore store;

    AuditLog(AuditStore store) {
        this.store = store;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String action, String purpose, String studentRef, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        entry.actor = caller.subject();
        entry.role = caller.primaryRole();
        entry.action = action;
        entry.purpose = purpose;
        entry.studentRef = studentRef;
        entry.detail = detail;
        store.append(entry);
    }
}
