package org.bridgeway.screening.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each student's consent history; the newest entry is the one in force. */
@ApplicationScoped
public class ConsentStore {

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Consent consent) {
        consent.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Consent> current(String studentRef) {
        return Consent.<Consent>find("studentRef = ?1 order by id desc", studentRef)
                .firstResultOptional();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Consent> history(String studentRef) {
        return Consent.list("studentRef = ?1 order by id desc", studentRef);
    }

    /** The status in force for each of these students, in one query; a student without any entry is absent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, String> currentStatuses(Collection<String> studentRefs) {
        Map<String, String> statuses = new HashMap<>();
        if (studentRefs.isEmpty()) {
            return statuses;
        }
        Consent.getEntityManager()
                .createQuery(
                        "select c.studentRef, c.status from Consent c where c.studentRef in :refs and c.id ="
                                + " (select max(newer.id) from Consent newer where newer.studentRef = c.studentRef)",
                        Object[].class)
                .setParameter("refs", studentRefs)
                .getResultList()
                .forEach(row -> statuses.put((String) row[0], (String) row[1]));
        return statuses;
    }
}
