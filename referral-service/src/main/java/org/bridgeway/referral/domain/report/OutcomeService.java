package org.bridgeway.referral.domain.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.referral.config.ReferralConfig;
import org.bridgeway.referral.store.OutcomeQueries;
import org.bridgeway.referral.store.OutcomeQueries.Totals;

/** Outcome metrics per board: what was sent, accepted, rejected, expired, completed, and how fast; small cells hidden. */
@ApplicationScoped
public class OutcomeService {

    private final OutcomeQueries queries;
    private final ZoneId zone;

    OutcomeService(OutcomeQueries queries, ReferralConfig config) {
        this.queries = queries;
        this.zone = ZoneId.of(config.zone());
    }

    /** @param to exclusive */
    @Transactional
    public Outcomes outcomes(Caller caller, String boardId, LocalDate from, LocalDate to) {
        caller.requireBoard(boardId);
        if (!caller.is(Roles.COORDINATOR) && !caller.is(Roles.ANALYST) && !caller.is(Roles.ADMIN)) {
            throw ApiException.forbidden("Outcomes are for the board's coordinators and analysts.");
        }
        if (!from.isBefore(to)) {
            throw ApiException.invalidField("to", "must be after from");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.atStartOfDay(zone).toInstant();
        Totals totals = queries.totals(boardId, start, end);
        return new Outcomes(
                boardId,
                from,
                to,
                Suppression.count(totals.sent()),
                Suppression.count(totals.accepted()),
                Suppression.breakdown(queries.rejectedByReason(boardId, start, end)),
                Suppression.count(totals.expired()),
                Suppression.breakdown(queries.completedByOutcome(boardId, start, end)),
                hours(Suppression.figure(totals.medianSecondsToAccept(), totals.accepted())),
                hours(Suppression.figure(totals.p90SecondsToAccept(), totals.accepted())),
                queries.perPartner(boardId, start, end).stream()
                        .map(p -> new Outcomes.PartnerRate(
                                p.organizationId(),
                                p.organizationName(),
                                Suppression.count(p.sent()),
                                Suppression.count(p.accepted()),
                                Suppression.rate(p.accepted(), p.sent())))
                        .toList(),
                Suppression.breakdown(queries.closures(boardId, start, end)));
    }

    private static Double hours(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 36.0) / 100.0;
    }
}
