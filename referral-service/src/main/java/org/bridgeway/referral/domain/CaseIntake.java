package org.bridgeway.referral.domain;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.events.ScreeningFlagged;
import org.bridgeway.events.ScreeningReviewed;
import org.bridgeway.referral.domain.lifecycle.CaseStates;
import org.bridgeway.referral.store.CaseQueries;
import org.bridgeway.referral.store.CaseWriter;
import org.bridgeway.referral.store.CaseWriter.NewCase;
import org.bridgeway.referral.store.CaseWriter.OpenedCase;
import org.bridgeway.referral.store.ReferralCase;

/** What screening-service's events do to cases: a flag opens one, a review validates or dismisses it. */
@ApplicationScoped
public class CaseIntake {

    /** Reviews come from screening-service, on behalf of whoever reviewed there. */
    static final Actor SCREENING_REVIEW = new Actor("screening-service", "reviewer");

    private final CaseWriter writer;
    private final CaseQueries cases;
    private final CaseLifecycle lifecycle;
    private final BoardSettingsService settings;
    private final AuditTrail audit;

    CaseIntake(
            CaseWriter writer,
            CaseQueries cases,
            CaseLifecycle lifecycle,
            BoardSettingsService settings,
            AuditTrail audit) {
        this.writer = writer;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.audit = audit;
    }

    /**
     * Opens a case per flagged screening in one statement and writes their first timeline entries in another; a
     * screening that has a case already is skipped. Only the cases their board dispatches at once are loaded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int open(List<ScreeningFlagged> flagged) {
        Instant now = Instant.now();
        List<OpenedCase> opened = writer.open(flagged.stream()
                .map(f -> new NewCase(
                        f.screeningId(),
                        f.studentRef(),
                        f.boardId(),
                        f.schoolId(),
                        f.grade(),
                        f.ageYears(),
                        f.suggestedTier(),
                        f.needs() == null ? List.of() : f.needs(),
                        f.domainBands(),
                        now))
                .toList());
        audit.casesOpened(opened, Actor.SYSTEM);
        Map<String, BoardSettings> boards = new HashMap<>();
        List<UUID> workedNow = opened.stream()
                .filter(c -> CaseLifecycle.worksOnOpening(boards.computeIfAbsent(c.boardId(), settings::of)))
                .map(OpenedCase::id)
                .toList();
        for (ReferralCase c : cases.byIds(workedNow)) {
            lifecycle.opened(c, boards.get(c.boardId));
        }
        return opened.size();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewed(ScreeningReviewed review) {
        ReferralCase c = cases.byScreening(review.screeningId());
        if (c == null) {
            Log.infof("review of screening %s without a case: not flagged here", review.screeningId());
            return;
        }
        c = cases.lock(c.id);
        if (CaseStates.isFinished(c.status) || c.tier != null && !CaseStates.OPEN.equals(c.status)) {
            Log.debugf("case %s already %s; review of %s ignored", c.id, c.status, review.reviewedAt());
            return;
        }
        String note = "reviewed in screening" + (review.knownToStaff() ? " (already known to staff)" : "");
        if (ScreeningReviewed.DISMISSED.equals(review.decision())) {
            lifecycle.dismiss(c, SCREENING_REVIEW, note);
        } else {
            lifecycle.applyTier(c, review.tier() == null ? c.suggestedTier : review.tier(), SCREENING_REVIEW, note);
        }
    }
}
