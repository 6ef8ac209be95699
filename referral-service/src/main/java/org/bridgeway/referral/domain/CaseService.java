package org.bridgeway.referral.domain;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bridgeway.events.ScreeningFlagged;
import org.bridgeway.platform.api.Page;
import org.bridgeway.platform.api.PageRequest;
import org.bridgeway.referral.api.CaseView;
import org.bridgeway.referral.store.ReferralCase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseService {

    public static final String OPEN = "open";

    /** Opens the case of a flagged screening, once, however often the event is delivered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(ScreeningFlagged flagged) {
        if (ReferralCase.count("screeningId", flagged.screeningId()) > 0) {
            Log.debugf("case for screening %s already open", flagged.screeningId());
            return;
        }
        ReferralCase referralCase = new ReferralCase();
        referralCase.id = UUID.randomUUID();
        referralCase.screeningId = flagged.screeningId();
        referralCase.studentRef = flagged.studentRef();
        referralCase.boardId = flagged.boardId();
        referralCase.schoolId = flagged.schoolId();
        referralCase.grade = flagged.grade();
        referralCase.ageYears = flagged.ageYears();
        referralCase.suggestedTier = flagged.suggestedTier();
        referralCase.needs = flagged.needs() == null ? List.of() : List.copyOf(flagged.needs());
        referralCase.domainBands = flagged.domainBands();
        referralCase.status = OPEN;
        referralCase.openedAt = Instant.now();
        referralCase.persist();
    }

    @Transactional
    public Page<CaseView> cases(String boardId, PageRequest request) {
        var query = ReferralCase.<ReferralCase>find("boardId = ?1 order by openedAt desc, id", boardId);
        return Page.of(query.page(request.page(), request.size()).list().stream()
                .map(c -> new CaseView(c.id, c.screeningId, c.studentRef, c.schoolId, c.grade, c.suggestedTier, c.needs,
                        c.domainBands, c.status, c.openedAt))
                .toList(), request, query.count());
    }
}
