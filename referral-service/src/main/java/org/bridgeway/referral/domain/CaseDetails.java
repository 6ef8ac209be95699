package org.bridgeway.referral.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.referral.store.ReferralCase;

/** A case as the use cases hand it out. */
public record CaseDetails(
        UUID id,
        UUID screeningId,
        String studentRef,
        String boardId,
        String schoolId,
        Integer grade,
        Integer ageYears,
        int suggestedTier,
        Integer tier,
        List<String> needs,
        Map<String, String> domainBands,
        String status,
        boolean needsAttention,
        String closureOutcome,
        Instant openedAt,
        Instant validatedAt,
        Instant closedAt) {

    static CaseDetails of(ReferralCase c) {
        return new CaseDetails(
                c.id,
                c.screeningId,
                c.studentRef,
                c.boardId,
                c.schoolId,
                c.grade,
                c.ageYears,
                c.suggestedTier,
                c.tier,
                List.copyOf(c.needs),
                c.domainBands == null ? Map.of() : Map.copyOf(c.domainBands),
                c.status,
                c.needsAttention,
                c.closureOutcome,
                c.openedAt,
                c.validatedAt,
                c.closedAt);
    }
}
