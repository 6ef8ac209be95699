package org.bridgeway.screening.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;

/** The append-only audit log (a database trigger refuses updates, deletes and truncation). */
@ApplicationScoped
public class AuditStore {

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(AuditEntry entry) {
        entry.persist();
    }

    /** Newest first, all of it or one student's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<AuditEntry> page(String studentRef, PageRequest request) {
        var query = studentRef == null
                ? AuditEntry.<AuditEntry>find("order by id desc")
                : AuditEntry.<AuditEntry>find("studentRef = ?1 order by id desc", studentRef);
        return Page.of(query.page(request.page(), request.size()).list(), request, query.count());
    }
}
