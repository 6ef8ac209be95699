package org.bridgeway.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.problem.Problem;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.referral.domain.AuditTrail.Details;
import org.bridgeway.referral.domain.lifecycle.ReferralStates;
import org.bridgeway.referral.domain.lifecycle.Side;
import org.bridgeway.referral.store.CaseQueries;
import org.bridgeway.referral.store.Referral;
import org.bridgeway.referral.store.ReferralCase;
import org.bridgeway.referral.store.ReferralQueries;

/**
 * Moves a referral on behalf of one side. The row is locked and its version compared with the caller's
 * {@code If-Match}, so of two concurrent transitions from the same version exactly one wins and the
 * other is told its copy is stale (412).
 */
@ApplicationScoped
public class ReferralService {

    private final ReferralQueries referrals;
    private final CaseQueries cases;
    private final CaseLifecycle lifecycle;
    private final AuditTrail audit;
    private final ReferralEvents events;
    private final Access access;

    ReferralService(
            ReferralQueries referrals,
            CaseQueries cases,
            CaseLifecycle lifecycle,
            AuditTrail audit,
            ReferralEvents events,
            Access access) {
        this.referrals = referrals;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.events = events;
        this.access = access;
    }

    /** {@code reason} is required to reject, {@code outcome} to complete. */
    public record Transition(String status, String note, String reason, String outcome) {}

    @Transactional
    public ReferralDetails transition(Caller caller, UUID referralId, Transition command, Integer expectedVersion) {
        Referral r = referrals.lock(referralId);
        Side side = access.sideOn(caller, r, referralId);
        if (expectedVersion == null) {
            throw new ApiException(
                    428,
                    "Precondition Required",
                    "Send If-Match with the referral's ETag; transitions are refused without it.",
                    null);
        }
        if (expectedVersion != r.version) {
            throw new ApiException(
                    412,
                    "Precondition Failed",
                    "Referral " + referralId + " changed since you read it" + " (now ETag \"" + r.version
                            + "\", status " + r.status + "); read it again.",
                    null);
        }
        List<String> allowed = ReferralStates.allowed(r.status, side);
        if (!allowed.contains(command.status())) {
            throw new ApiException(
                    409,
                    "Conflict",
                    "A " + side.name().toLowerCase() + " may not move a referral from " + r.status + " to "
                            + command.status() + "; allowed: "
                            + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ".",
                    List.of(new Problem.FieldError("status", "allowed: " + String.join(", ", allowed))));
        }
        requireDetails(command);
        ReferralCase c = cases.lock(r.caseId);
        move(
                c,
                r,
                command.status(),
                Actor.of(caller),
                new Details(command.note(), command.reason(), command.outcome()));
        return ReferralDetails.of(r, c, caller, access);
    }

    /** The SLA clock: a referral nobody answered in time expires, and the case re-routes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(Referral r) {
        ReferralCase c = cases.lock(r.caseId);
        move(c, r, ReferralStates.EXPIRED, Actor.SYSTEM, Details.note("no answer by " + r.dueAt));
    }

    private void move(ReferralCase c, Referral r, String to, Actor actor, Details details) {
        Instant now = Instant.now();
        String from = r.status;
        r.status = to;
        r.version++;
        r.updatedAt = now;
        if (details.note() != null) {
            r.note = details.note();
        }
        if (ReferralStates.REJECTED.equals(to)) {
            r.reason = details.reason();
        }
        if (ReferralStates.COMPLETED.equals(to)) {
            r.outcome = details.outcome();
        }
        if (ReferralStates.ACCEPTED.equals(to)) {
            r.acceptedAt = now;
        }
        if (ReferralStates.isTerminal(to)) {
            r.finishedAt = now;
        }
        audit.referralMoved(c, r, from, to, actor, details);
        events.statusChanged(c, r, now);
        if (ReferralStates.isTerminal(to)) {
            lifecycle.referralFinished(c, r);
        }
    }

    private static void requireDetails(Transition command) {
        if (ReferralStates.REJECTED.equals(command.status())
                && (command.reason() == null || !ReferralStates.REJECTION_REASONS.contains(command.reason()))) {
            throw ApiException.invalidField(
                    "reason",
                    "is required to reject: one of "
                            + String.join(
                                    ", ",
                                    ReferralStates.REJECTION_REASONS.stream()
                                            .sorted()
                                            .toList()));
        }
        if (ReferralStates.COMPLETED.equals(command.status())
                && (command.outcome() == null || !ReferralStates.OUTCOMES.contains(command.outcome()))) {
            throw ApiException.invalidField(
                    "outcome",
                    "is required to complete: one of "
                            + String.join(
                                    ", ",
                                    ReferralStates.OUTCOMES.stream().sorted().toList()));
        }
    }
}
