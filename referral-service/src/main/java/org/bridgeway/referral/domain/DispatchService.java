package org.bridgeway.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.referral.domain.CaseCommands.Dispatch;
import org.bridgeway.referral.domain.lifecycle.CaseStates;
import org.bridgeway.referral.domain.matching.Candidate;
import org.bridgeway.referral.domain.matching.MatchResult;
import org.bridgeway.referral.store.CaseQueries;
import org.bridgeway.referral.store.Referral;
import org.bridgeway.referral.store.ReferralCase;
import org.bridgeway.referral.store.ReferralQueries;

/** A coordinator's view of a case's candidates, and the manual dispatch to one of them. */
@ApplicationScoped
public class DispatchService {

    private final CaseQueries cases;
    private final ReferralQueries referrals;
    private final Matching matching;
    private final Dispatcher dispatcher;
    private final BoardSettingsService settings;
    private final Access access;

    DispatchService(
            CaseQueries cases,
            ReferralQueries referrals,
            Matching matching,
            Dispatcher dispatcher,
            BoardSettingsService settings,
            Access access) {
        this.cases = cases;
        this.referrals = referrals;
        this.matching = matching;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.access = access;
    }

    /** The ranked candidates with their score components, and the excluded services with their reasons. */
    public record CandidateList(UUID caseId, List<String> needs, MatchResult result) {}

    @Transactional
    public CandidateList candidates(Caller caller, String boardId, UUID caseId) {
        ReferralCase c = access.reachableCase(caller, boardId, cases.find(caseId));
        return new CandidateList(c.id, c.needs, matching.rank(c, settings.of(boardId), referrals.ofCase(c.id), true));
    }

    @Transactional
    public ReferralDetails dispatch(Caller caller, String boardId, UUID caseId, Dispatch command) {
        access.requireBoardWide(caller, boardId);
        access.reachableCase(caller, boardId, cases.find(caseId));
        ReferralCase c = cases.lock(caseId);
        if (CaseStates.isFinished(c.status)) {
            throw ApiException.conflict("Case " + caseId + " is " + c.status + ".");
        }
        BoardSettings board = settings.of(boardId);
        if (CaseStates.OPEN.equals(c.status) && board.validationRequired()) {
            throw ApiException.conflict(
                    "Board " + boardId + " requires validation before a referral; validate case " + caseId + " first.");
        }
        List<String> needs = command.need() == null ? c.needs : List.of(command.need());
        MatchResult ranked = matching.rank(c, board, referrals.ofCase(c.id), needs, false);
        Candidate chosen = ranked.candidates().stream()
                .filter(candidate -> command.serviceId() == null
                        || candidate.service().serviceId().equals(command.serviceId()))
                .findFirst()
                .orElseThrow(() -> command.serviceId() == null
                        ? ApiException.conflict("No candidate is left for case " + caseId + ".")
                        : ApiException.invalidField(
                                "serviceId", "is not a candidate for this case; see its candidates"));
        Referral referral = dispatcher.send(c, board, chosen, command.need(), Actor.of(caller), command.note());
        return ReferralDetails.of(referral, c, caller, access);
    }
}
