package org.bridgeway.screening.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bridgeway.events.ReferralStatusChanged;
import org.bridgeway.events.ScreeningReviewed;
import org.bridgeway.platform.outbox.Outbox;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.problem.Problem;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.screening.domain.scoring.DomainScore;
import org.bridgeway.screening.store.RosterStore;
import org.bridgeway.screening.store.Screening;
import org.bridgeway.screening.store.ScreeningStore;
import org.bridgeway.screening.store.StoredResult;

/** Single responses: scored, stored and announced in one transaction; read back, reviewed, and told of referrals. */
@ApplicationScoped
public class ScreeningService {

    /** The referral status of a screening whose case was closed, followed by the case's outcome. */
    static final String CLOSED_PREFIX = "closed:";

    private final ResponseScorer scorer;
    private final ScreeningStore screenings;
    private final RosterStore roster;
    private final ScreeningAnnouncer announcer;
    private final Outbox outbox;
    private final AuditLog audit;

    ScreeningService(
            ResponseScorer scorer,
            ScreeningStore screenings,
            RosterStore roster,
            ScreeningAnnouncer announcer,
            Outbox outbox,
            AuditLog audit) {
        this.scorer = scorer;
        this.screenings = screenings;
        this.roster = roster;
        this.announcer = announcer;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Scores and stores one response; a flagged one is announced in the same transaction. */
    @Transactional
    public ScreeningDetails submit(Caller caller, String boardId, SurveyResponse response) {
        Scope.requireBoard(caller, boardId);
        String ref = scorer.studentRefOf(boardId, response);
        var students = roster.facts(ref == null ? List.of() : List.of(ref));
        ResponseScorer.Outcome outcome = scorer.score(boardId, response, students::get);
        if (outcome instanceof ResponseScorer.Rejected rejected) {
            throw ApiException.badRequest(
                    "The response cannot be scored.",
                    rejected.violations().stream()
                            .map(v -> new Problem.FieldError(v.field(), v.message()))
                            .toList());
        }
        ScoredScreening scored = ((ResponseScorer.Scored) outcome).screening();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!screenings.insert(List.of(scored), null, createdAt)[0]) {
            throw ApiException.conflict("A response of this student to " + response.instrument() + " v"
                    + response.version() + " on " + response.administeredOn() + " is already recorded.");
        }
        announcer.announce(List.of(scored));
        // Answered from what was just written: a fresh screening has no review or referral yet.
        return new ScreeningDetails(
                scored.id(),
                scored.studentRef(),
                scored.schoolId(),
                scored.grade(),
                scored.instrumentKey(),
                scored.instrumentVersion(),
                scored.administeredOn(),
                scored.score().domains(),
                scored.score().flagged(),
                scored.score().suggestedTier(),
                scored.score().needs(),
                null,
                null,
                createdAt);
    }

    @Transactional
    public ScreeningDetails get(Caller caller, UUID id) {
        return details(reachable(caller, id));
    }

    @Transactional
    public Page<ScreeningDetails> list(
            Caller caller, String boardId, String schoolId, Boolean flagged, PageRequest request) {
        return screenings
                .page(Scope.listing(caller, boardId, schoolId), flagged, request)
                .map(this::details);
    }

    @Transactional
    public ScreeningDetails review(Caller caller, UUID id, ReviewCommand command) {
        Screening screening = reachable(caller, id);
        if (command.confirm() && command.tier() == null) {
            throw ApiException.invalidField("tier", "is required to confirm (1 to 4)");
        }
        if (!screening.flagged) {
            throw ApiException.conflict("Only a flagged screening is reviewed.");
        }
        if (screening.reviewDecision != null) {
            throw ApiException.conflict("This screening was already " + screening.reviewDecision + " by "
                    + screening.reviewedBy + " at " + screening.reviewedAt + ".");
        }
        screening.reviewDecision = command.confirm() ? ScreeningReviewed.CONFIRMED : ScreeningReviewed.DISMISSED;
        screening.reviewTier = command.confirm() ? command.tier() : null;
        screening.reviewNotes = command.notes();
        screening.knownToStaff = command.knownToStaff();
        screening.reviewedBy = caller.subject();
        screening.reviewedAt = Instant.now();
        audit.record(
                caller,
                AuditLog.SCREENING_REVIEWED,
                "validation",
                screening.studentRef,
                "screening=" + id + " decision=" + screening.reviewDecision);
        outbox.add(
                screening.studentRef,
                id.toString(),
                new ScreeningReviewed(
                        id,
                        screening.studentRef,
                        screening.boardId,
                        screening.schoolId,
                        screening.reviewDecision,
                        screening.reviewTier,
                        screening.knownToStaff,
                        screening.reviewedAt));
        return details(screening);
    }

    /** Closes the loop: the referral's latest status as referral-service reports it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralStatusChanged(ReferralStatusChanged event) {
        Screening screening = screenings.find(event.screeningId()).orElse(null);
        if (screening == null) {
            return;
        }
        if (screening.referralStatusAt == null || !event.changedAt().isBefore(screening.referralStatusAt)) {
            screening.referralStatus = event.status();
            screening.referralStatusAt = event.changedAt();
        }
        switch (event.status()) {
            case ReferralStatusChanged.REQUESTED ->
                screening.referredAt = earliest(screening.referredAt, event.changedAt());
            case ReferralStatusChanged.ACCEPTED ->
                screening.acceptedAt = earliest(screening.acceptedAt, event.changedAt());
            case ReferralStatusChanged.COMPLETED ->
                screening.completedAt = earliest(screening.completedAt, event.changedAt());
            default -> {}
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseClosed(UUID screeningId, String outcome, Instant closedAt) {
        screenings.find(screeningId).ifPresent(screening -> {
            screening.referralStatus = CLOSED_PREFIX + outcome;
            screening.referralStatusAt = closedAt;
        });
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    private Screening reachable(Caller caller, UUID id) {
        Screening screening = screenings.find(id).orElseThrow(() -> ApiException.notFound("No screening " + id + "."));
        Scope.requireSchool(caller, screening.boardId, screening.schoolId, "No screening " + id + ".");
        return screening;
    }

    private ScreeningDetails details(Screening s) {
        StoredResult result = screenings.result(s);
        List<DomainScore> domains = result.domains().stream()
                .map(d -> new DomainScore(
                        d.domain(),
                        d.label(),
                        d.score(),
                        d.band(),
                        d.complete(),
                        d.answered(),
                        d.items(),
                        d.drivers(),
                        d.needs()))
                .toList();
        ScreeningDetails.Review review = s.reviewDecision == null
                ? null
                : new ScreeningDetails.Review(
                        s.reviewDecision, s.reviewTier, s.reviewNotes, s.knownToStaff, s.reviewedBy, s.reviewedAt);
        ScreeningDetails.ReferralProgress referral = s.referralStatus == null
                ? null
                : new ScreeningDetails.ReferralProgress(
                        s.referralStatus, s.referralStatusAt, s.referredAt, s.acceptedAt, s.completedAt);
        return new ScreeningDetails(
                s.id,
                s.studentRef,
                s.schoolId,
                s.grade,
                s.instrumentKey,
                s.instrumentVersion,
                s.administeredOn,
                domains,
                s.flagged,
                s.suggestedTier,
                result.needs(),
                review,
                referral,
                s.createdAt);
    }
}
