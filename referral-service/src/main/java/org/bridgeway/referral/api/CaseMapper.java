package org.bridgeway.referral.api;

import java.util.ArrayList;
import java.util.List;
import org.bridgeway.referral.api.CaseDtos.CandidateView;
import org.bridgeway.referral.api.CaseDtos.CandidatesView;
import org.bridgeway.referral.api.CaseDtos.CaseView;
import org.bridgeway.referral.api.CaseDtos.ExcludedView;
import org.bridgeway.referral.api.CaseDtos.ScoreView;
import org.bridgeway.referral.api.CaseDtos.TimelineEntryView;
import org.bridgeway.referral.domain.CaseCommands;
import org.bridgeway.referral.domain.CaseDetails;
import org.bridgeway.referral.domain.DispatchService.CandidateList;
import org.bridgeway.referral.domain.TimelineEntry;
import org.bridgeway.referral.domain.matching.Candidate;

/** Case DTOs to and from the domain's types. */
final class CaseMapper {

    private CaseMapper() {}

    static CaseView view(CaseDetails c) {
        return new CaseView(
                c.id(),
                c.screeningId(),
                c.studentRef(),
                c.schoolId(),
                c.grade(),
                c.ageYears(),
                c.suggestedTier(),
                c.tier(),
                c.needs(),
                c.domainBands(),
                c.status(),
                c.needsAttention(),
                c.closureOutcome(),
                c.openedAt(),
                c.validatedAt(),
                c.closedAt());
    }

    static TimelineEntryView view(TimelineEntry e) {
        return new TimelineEntryView(
                e.id(),
                e.at(),
                e.action(),
                e.referralId(),
                e.fromStatus(),
                e.toStatus(),
                e.actor(),
                e.role(),
                e.note(),
                e.reason(),
                e.outcome());
    }

    static CandidatesView view(CandidateList list) {
        List<CandidateView> candidates = new ArrayList<>();
        for (Candidate c : list.result().candidates()) {
            Candidate.ScoreComponents s = c.components();
            candidates.add(new CandidateView(
                    candidates.size() + 1,
                    c.service().serviceId(),
                    c.service().name(),
                    c.service().organizationId(),
                    c.service().organizationName(),
                    c.score(),
                    new ScoreView(s.needCoverage(), s.serviceArea(), s.language(), s.capacity()),
                    c.coveredNeeds(),
                    c.service().available(),
                    c.service().maximum(),
                    c.service().waitlist()));
        }
        return new CandidatesView(
                list.caseId(),
                list.needs(),
                candidates,
                list.result().excluded().stream()
                        .map(e -> new ExcludedView(e.serviceId(), e.serviceName(), e.organizationId(), e.reasons()))
                        .toList(),
                list.result().notCoveringAnyNeed());
    }

    static CaseCommands.Validate command(CaseDtos.ValidationInput input) {
        return new CaseCommands.Validate(input.decision(), input.tier(), input.note());
    }

    static CaseCommands.Dispatch command(CaseDtos.DispatchInput input) {
        return input == null
                ? new CaseCommands.Dispatch(null, null, null)
                : new CaseCommands.Dispatch(input.serviceId(), input.need(), input.note());
    }

    static CaseCommands.Close command(CaseDtos.ClosureInput input) {
        return new CaseCommands.Close(input.outcome(), input.note());
    }
}
