package org.bridgeway.referral.api;

import org.bridgeway.referral.api.ReferralDtos.ReferralView;
import org.bridgeway.referral.api.ReferralDtos.SummaryView;
import org.bridgeway.referral.api.ReferralDtos.TransitionInput;
import org.bridgeway.referral.domain.ReferralDetails;
import org.bridgeway.referral.domain.ReferralService.Transition;

/** Referral DTOs to and from the domain's types. */
final class ReferralMapper {

    private ReferralMapper() {}

    static ReferralView view(ReferralDetails r) {
        ReferralDetails.Summary s = r.summary();
        return new ReferralView(
                r.id(),
                r.caseId(),
                r.boardId(),
                r.schoolId(),
                r.serviceId(),
                r.serviceName(),
                r.organizationId(),
                r.organizationName(),
                r.need(),
                r.score(),
                r.status(),
                r.reason(),
                r.outcome(),
                r.note(),
                r.version(),
                r.requestedAt(),
                r.dueAt(),
                r.acceptedAt(),
                r.finishedAt(),
                r.overdue(),
                new SummaryView(s.needs(), s.domainBands(), s.tier(), s.grade(), s.ageYears()),
                r.allowedTransitions());
    }

    static Transition command(TransitionInput input) {
        return new Transition(input.status(), input.note(), input.reason(), input.outcome());
    }
}
