package org.bridgeway.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.referral.domain.report.OutcomeService;
import org.bridgeway.referral.domain.report.Outcomes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/referrals/boards/{boardId}/outcomes")
@Tag(name = "referrals: outcomes")
public class OutcomeResource {

    private final OutcomeService outcomes;
    private final Caller caller;

    OutcomeResource(OutcomeService outcomes, Caller caller) {
        this.outcomes = outcomes;
        this.caller = caller;
    }

    /**
     * Counts are null where fewer than 5 (suppressed, so no student can be singled out); rates and times only
     * when their counts are shown.
     */
    public record OutcomesView(
            String boardId,
            LocalDate from,
            LocalDate to,
            Long sent,
            Long accepted,
            java.util.Map<String, Long> rejectedByReason,
            Long expired,
            java.util.Map<String, Long> completedByOutcome,
            Double medianHoursToAccept,
            Double p90HoursToAccept,
            java.util.List<PartnerRateView> acceptanceByPartner,
            java.util.Map<String, Long> closureOutcomes) {}

    public record PartnerRateView(
            java.util.UUID organizationId, String organizationName, Long sent, Long accepted, Double acceptanceRate) {}

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(
            summary =
                    "Referral outcomes of the board for referrals sent in [from, to) (default: the last 90 days): sent, "
                            + "accepted, rejected by reason, expired, completed by outcome, median and p90 hours to accept, acceptance "
                            + "rate per partner organization, closure outcomes; counts under 5 suppressed")
    @APIResponse(responseCode = "200", description = "The outcomes")
    @APIResponse(responseCode = "400", description = "from or to is not a date (yyyy-mm-dd), or to is not after from")
    @APIResponse(responseCode = "403", description = "Your token does not cover this board")
    public OutcomesView outcomes(
            @PathParam("boardId") String boardId, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = to == null ? LocalDate.now().plusDays(1) : date("to", to);
        LocalDate start = from == null ? end.minusDays(90) : date("from", from);
        Outcomes o = outcomes.outcomes(caller, boardId, start, end);
        return new OutcomesView(
                o.boardId(),
                o.from(),
                o.to(),
                o.sent(),
                o.accepted(),
                o.rejectedByReason(),
                o.expired(),
                o.completedByOutcome(),
                o.medianHoursToAccept(),
                o.p90HoursToAccept(),
                o.acceptanceByPartner().stream()
                        .map(p -> new PartnerRateView(
                                p.organizationId(), p.organizationName(), p.sent(), p.accepted(), p.acceptanceRate()))
                        .toList(),
                o.closureOutcomes());
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a date, yyyy-mm-dd");
        }
    }
}
