package org.bridgeway.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.referral.domain.CaseCommands.CaseFilter;
import org.bridgeway.referral.domain.CaseCommands.Close;
import org.bridgeway.referral.domain.CaseCommands.Validate;
import org.bridgeway.referral.domain.lifecycle.CaseStates;
import org.bridgeway.referral.domain.lifecycle.ReferralStates;
import org.bridgeway.referral.store.AuditEntry;
import org.bridgeway.referral.store.CaseQueries;
import org.bridgeway.referral.store.ReferralCase;
import org.bridgeway.referral.store.ReferralQueries;
import org.bridgeway.referral.store.Slice;

/** The requester side's work on cases: the board view, validation, closure and the timeline. */
@ApplicationScoped
public class CaseService {

    private final CaseQueries cases;
    private final ReferralQueries referrals;
    private final CaseLifecycle lifecycle;
    private final Access access;

    CaseService(CaseQueries cases, ReferralQueries referrals, CaseLifecycle lifecycle, Access access) {
        this.cases = cases;
        this.referrals = referrals;
        this.lifecycle = lifecycle;
        this.access = access;
    }

    @Transactional
    public Page<CaseDetails> cases(Caller caller, String boardId, CaseFilter filter, PageRequest request) {
        caller.requireBoard(boardId);
        Slice<ReferralCase> slice = cases.page(
                new CaseQueries.Filter(
                        boardId,
                        filter.status(),
                        filter.schoolId(),
                        filter.needsAttention(),
                        caller.seesWholeBoard() ? null : caller.schools()),
                request.page(),
                request.size());
        return Page.of(slice.items().stream().map(CaseDetails::of).toList(), request, slice.total());
    }

    @Transactional
    public CaseDetails get(Caller caller, String boardId, UUID caseId) {
        return CaseDetails.of(access.reachableCase(caller, boardId, cases.find(caseId)));
    }

    @Transactional
    public List<TimelineEntry> timeline(Caller caller, String boardId, UUID caseId) {
        ReferralCase c = access.reachableCase(caller, boardId, cases.find(caseId));
        return AuditEntry.timeline(c.id).stream().map(TimelineEntry::of).toList();
    }

    /** Confirm with a tier or dismiss: a coordinator or the school's staff validates in referral-service directly. */
    @Transactional
    public CaseDetails validate(Caller caller, String boardId, UUID caseId, Validate command) {
        ReferralCase c = lockedReachable(caller, boardId, caseId);
        if (!CaseStates.OPEN.equals(c.status)) {
            throw ApiException.conflict("Case " + caseId + " is " + c.status + "; only an open case is validated.");
        }
        if (Validate.CONFIRM.equals(command.decision()) && command.tier() == null) {
            throw ApiException.invalidField("tier", "is required to confirm a case (0-4)");
        }
        if (Validate.DISMISS.equals(command.decision())) {
            lifecycle.dismiss(c, Actor.of(caller), command.note());
        } else {
            lifecycle.applyTier(c, command.tier(), Actor.of(caller), command.note());
        }
        return CaseDetails.of(c);
    }

    /** A coordinator closes a case whose referrals are all finished (or that never needed one). */
    @Transactional
    public CaseDetails close(Caller caller, String boardId, UUID caseId, Close command) {
        access.requireBoardWide(caller, boardId);
        ReferralCase c = lockedReachable(caller, boardId, caseId);
        if (CaseStates.isFinished(c.status)) {
            throw ApiException.conflict("Case " + caseId + " is already " + c.status + ".");
        }
        if (referrals.ofCase(c.id).stream().anyMatch(r -> ReferralStates.isLive(r.status))) {
            throw ApiException.conflict("Case " + caseId + " has live referrals; cancel them before closing it.");
        }
        lifecycle.close(c, command.outcome(), Actor.of(caller), command.note());
        return CaseDetails.of(c);
    }

    ReferralCase lockedReachable(Caller caller, String boardId, UUID caseId) {
        access.reachableCase(caller, boardId, cases.find(caseId));
        return cases.lock(caseId);
    }
}
