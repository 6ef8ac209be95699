package org.bridgeway.screening.api;

import org.bridgeway.screening.api.ScreeningDtos.DomainResult;
import org.bridgeway.screening.api.ScreeningDtos.ReferralView;
import org.bridgeway.screening.api.ScreeningDtos.ResponseInput;
import org.bridgeway.screening.api.ScreeningDtos.ReviewInput;
import org.bridgeway.screening.api.ScreeningDtos.ReviewView;
import org.bridgeway.screening.api.ScreeningDtos.ScreeningView;
import org.bridgeway.screening.domain.ReviewCommand;
import org.bridgeway.screening.domain.ScreeningDetails;
import org.bridgeway.screening.domain.SurveyResponse;

/** Screenings between their JSON and the domain: the one place a {@link ScreeningView} is built. */
final class ScreeningMapper {

    static final String DECISION_CONFIRM = "confirm";

    private ScreeningMapper() {}

    static SurveyResponse response(ResponseInput in) {
        return new SurveyResponse(
                in.instrument(),
                in.version(),
                in.studentRef(),
                in.sisStudentId(),
                in.schoolId(),
                in.administeredOn(),
                in.answers());
    }

    static ReviewCommand review(ReviewInput in) {
        return new ReviewCommand(DECISION_CONFIRM.equals(in.decision()), in.tier(), in.notes(), in.knownToStaff());
    }

    static ScreeningView view(ScreeningDetails s) {
        ReviewView review = s.review() == null
                ? null
                : new ReviewView(
                        s.review().decision(),
                        s.review().tier(),
                        s.review().notes(),
                        s.review().knownToStaff(),
                        s.review().reviewedBy(),
                        s.review().reviewedAt());
        ReferralView referral = s.referral() == null
                ? null
                : new ReferralView(
                        s.referral().status(),
                        s.referral().updatedAt(),
                        s.referral().referredAt(),
                        s.referral().acceptedAt(),
                        s.referral().completedAt());
        return new ScreeningView(
                s.id(),
                s.studentRef(),
                s.schoolId(),
                s.grade(),
                s.instrument(),
                s.version(),
                s.administeredOn(),
                s.domains().stream()
                        .map(d -> new DomainResult(
                                d.key(),
                                d.label(),
                                d.score(),
                                d.band(),
                                d.complete(),
                                d.answered(),
                                d.itemCount(),
                                d.drivers(),
                                d.needs()))
                        .toList(),
                s.flagged(),
                s.suggestedTier(),
                s.needs(),
                review,
                referral,
                s.createdAt());
    }
}
