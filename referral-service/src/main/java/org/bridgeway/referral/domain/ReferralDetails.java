package org.bridgeway.referral.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.referral.domain.lifecycle.ReferralStates;
import org.bridgeway.referral.store.Referral;
import org.bridgeway.referral.store.ReferralCase;

/**
 * A referral with the screening summary a partner may see (needs, bands, tier; never identity: the
 * student is only a pseudonym, see {@link Access#studentPseudonym}), and the transitions the caller's side
 * may make now.
 */
public record ReferralDetails(
        UUID id,
        UUID caseId,
        String boardId,
        String schoolId,
        String studentPseudonym,
        UUID serviceId,
        String serviceName,
        UUID organizationId,
        String organizationName,
        String need,
        Double score,
        String status,
        String reason,
        String outcome,
        String note,
        int version,
        Instant requestedAt,
        Instant dueAt,
        Instant acceptedAt,
        Instant finishedAt,
        Instant updatedAt,
        boolean overdue,
        Summary summary,
        List<String> allowedTransitions) {

    public record Summary(
            List<String> needs, Map<String, String> domainBands, int tier, Integer grade, Integer ageYears) {}

    /** As {@code caller} may see it: its side's transitions, and the student under the pseudonym its side knows. */
    static ReferralDetails of(Referral r, ReferralCase c, Caller caller, Access access) {
        Summary summary = new Summary(
                List.copyOf(c.needs),
                c.domainBands == null ? Map.of() : Map.copyOf(c.domainBands),
                c.effectiveTier(),
                c.grade,
                c.ageYears);
        boolean overdue = ReferralStates.REQUESTED.equals(r.status) && r.dueAt.isBefore(Instant.now());
        return new ReferralDetails(
                r.id,
                r.caseId,
                r.boardId,
                r.schoolId,
                access.studentPseudonym(caller, r),
                r.serviceId,
                r.serviceName,
                r.organizationId,
                r.organizationName,
                r.need,
                r.score,
                r.status,
                r.reason,
                r.outcome,
                r.note,
                r.version,
                r.requestedAt,
                r.dueAt,
                r.acceptedAt,
                r.finishedAt,
                r.updatedAt,
                overdue,
                summary,
                ReferralViews.allowedFor(caller, r, access));
    }
}
