package org.bridgeway.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bridgeway.referral.domain.AuditTrail.Details;
import org.bridgeway.referral.domain.lifecycle.CaseStates;
import org.bridgeway.referral.domain.lifecycle.ReferralStates;
import org.bridgeway.referral.store.Referral;
import org.bridgeway.referral.store.ReferralCase;
import org.bridgeway.referral.store.ReferralQueries;

/**
 * Moves a case along {@code open → validated → referred → closed} (or {@code dismissed}): applies a
 * tier, dispatches when the board says so, and settles the case once its referrals are finished.
 */
@ApplicationScoped
public class CaseLifecycle {

    private static final List<String> OUTCOME_RANK = List.of("service-provided", "partially-provided", "not-provided");

    private final Dispatcher dispatcher;
    private final BoardSettingsService settings;
    private final ReferralQueries referrals;
    private final AuditTrail audit;
    private final ReferralEvents events;

    CaseLifecycle(
            Dispatcher dispatcher,
            BoardSettingsService settings,
            ReferralQueries referrals,
            AuditTrail audit,
            ReferralEvents events) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.referrals = referrals;
        this.audit = audit;
        this.events = events;
    }

    /** A board that needs no validation and dispatches on its own has a case worked the moment it opens. */
    static boolean worksOnOpening(BoardSettings board) {
        return !board.validationRequired() && board.autoDispatch();
    }

    /** A confirmed tier: tier 0-1 closes without a referral, 2-4 validates and, on auto dispatch, refers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyTier(ReferralCase c, int tier, Actor actor, String note) {
        c.tier = tier;
        if (CaseStates.OPEN.equals(c.status)) {
            audit.caseMoved(c, c.status, CaseStates.VALIDATED, actor, Details.note(note));
            c.status = CaseStates.VALIDATED;
            c.validatedAt = Instant.now();
        }
        if (tier <= 1) {
            close(c, tier == 1 ? CaseStates.MONITORING_AT_SCHOOL : CaseStates.NO_REFERRAL_NEEDED, actor, note);
            return;
        }
        BoardSettings board = settings.of(c.boardId);
        if (board.autoDispatch()) {
            dispatcher.dispatch(c, board, Actor.SYSTEM);
        }
    }

    /** Opened on a board that needs no validation and dispatches on its own: work the suggested tier now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(ReferralCase c, BoardSettings board) {
        if (worksOnOpening(board)) {
            applyTier(c, c.suggestedTier, Actor.SYSTEM, "dispatched on the suggested tier: board needs no validation");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void dismiss(ReferralCase c, Actor actor, String note) {
        audit.caseMoved(c, c.status, CaseStates.DISMISSED, actor, Details.note(note));
        c.status = CaseStates.DISMISSED;
        c.closureOutcome = CaseStates.DISMISSED;
        c.closedAt = Instant.now();
        c.needsAttention = false;
        events.caseClosed(c);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void close(ReferralCase c, String outcome, Actor actor, String note) {
        audit.caseMoved(c, c.status, CaseStates.CLOSED, actor, new Details(note, null, outcome));
        c.status = CaseStates.CLOSED;
        c.closureOutcome = outcome;
        c.closedAt = Instant.now();
        c.needsAttention = false;
        events.caseClosed(c);
    }

    /**
     * After a referral finished: re-route a rejection or expiry, then close the case when nothing is live
     * and something was completed, or ask a coordinator when nothing is live and nothing was completed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralFinished(ReferralCase c, Referral finished) {
        if (CaseStates.isFinished(c.status)) {
            return;
        }
        if (ReferralStates.REROUTING.contains(finished.status)) {
            dispatcher.dispatch(c, settings.of(c.boardId), Actor.SYSTEM);
        }
        List<Referral> all = referrals.ofCase(c.id);
        if (all.stream().anyMatch(r -> ReferralStates.isLive(r.status))) {
            return;
        }
        Optional<String> best = all.stream()
                .filter(r -> ReferralStates.COMPLETED.equals(r.status))
                .map(r -> r.outcome)
                .min(Comparator.comparingInt(OUTCOME_RANK::indexOf));
        if (best.isPresent() && !c.needsAttention) {
            close(c, best.get(), Actor.SYSTEM, "every referral of the case is finished");
        } else {
            dispatcher.markNeedsAttention(c, "no referral of the case is live any more");
        }
    }
}
