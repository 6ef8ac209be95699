package org.bridgeway.screening.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bridgeway.events.ReferralStatusChanged;
import org.bridgeway.events.ScreeningReviewed;
import org.bridgeway.platform.api.Page;
import org.bridgeway.platform.api.PageRequest;
import org.bridgeway.platform.outbox.Outbox;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.problem.Problem;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.screening.api.ScreeningDtos.ReferralView;
import org.bridgeway.screening.api.ScreeningDtos.ResponseInput;
import org.bridgeway.screening.api.ScreeningDtos.ReviewInput;
import org.bridgeway.screening.api.ScreeningDtos.ReviewView;
import org.bridgeway.screening.api.ScreeningDtos.ScreeningView;
import org.bridgeway.screening.store.ScreeningRecord;
import org.bridgeway.screening.store.ScreeningResult;
import org.bridgeway.screening.store.ScreeningWriter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ScreeningService {

    private final ResponseScorer scorer;
    private final ScreeningWriter writer;
    private final Outbox outbox;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    ScreeningService(ResponseScorer scorer, ScreeningWriter writer, Outbox outbox, AuditLog audit, ObjectMapper json,
            MeterRegistry metrics) {
        this.scorer = scorer;
        this.writer = writer;
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
        this.metrics = metrics;
    }

    /** Scores and stores one response; a flagged one is announced in the same transaction. */
    @Transactional
    public ScreeningView submit(String boardId, ResponseInput input) {
        String ref = scorer.studentRefOf(boardId, input);
        var students = writer.students(ref == null ? List.of() : List.of(ref));
        ResponseScorer.Outcome outcome = scorer.score(boardId, input, students::get);
        if (outcome instanceof ResponseScorer.Rejected rejected) {
            throw ApiException.badRequest("The response cannot be scored.", rejected.violations().stream()
                    .map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
        ScoredScreening scored = ((ResponseScorer.Scored) outcome).screening();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!writer.insert(List.of(scored), null, createdAt)[0]) {
            throw ApiException.conflict("A response of this student to " + input.instrument() + " v" + input.version()
                    + " on " + input.administeredOn() + " is already recorded.");
        }
        announce(List.of(scored));
        // Answered from what was just written: a fresh screening has no review or referral yet.
        ScreeningResult result = ScreeningResult.of(scored.score());
        return new ScreeningView(scored.id(), scored.studentRef(), scored.schoolId(), scored.grade(), scored.instrumentKey(),
                scored.instrumentVersion(), scored.administeredOn(), result.domains(), scored.score().flagged(),
                scored.score().suggestedTier(), result.needs(), null, null, createdAt);
    }

    /** Writes the outbox events of freshly stored screenings (flagged ones only). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int announce(List<ScoredScreening> stored) {
        Instant now = Instant.now();
        List<Outbox.Draft> drafts = stored.stream().filter(s -> s.score().flagged())
                .map(s -> new Outbox.Draft(s.studentRef(), s.id().toString(), s.flaggedEvent(now)))
                .toList();
        outbox.addAll(drafts);
        metrics.counter("bridgeway.screenings.scored").increment(stored.size());
        metrics.counter("bridgeway.screenings.flagged").increment(drafts.size());
        return drafts.size();
    }

    @Transactional
    public ScreeningView get(Caller caller, UUID id) {
        return view(reachable(caller, id));
    }

    @Transactional
    public Page<ScreeningView> list(Caller caller, String boardId, String schoolId, Boolean flagged, PageRequest request) {
        StringBuilder query = new StringBuilder("boardId = :board");
        Map<String, Object> params = new HashMap<>();
        params.put("board", boardId);
        if (schoolId != null) {
            query.append(" and schoolId = :school");
            params.put("school", schoolId);
        }
        if (!caller.seesWholeBoard()) {
            query.append(" and schoolId in :scope");
            Set<String> scope = caller.schools();
            params.put("scope", scope.isEmpty() ? Set.of("") : scope);
        }
        if (flagged != null) {
            query.append(" and flagged = :flagged");
            params.put("flagged", flagged);
        }
        var found = ScreeningRecord.<ScreeningRecord>find(query + " order by createdAt desc, id", params);
        return Page.of(found.page(request.page(), request.size()).list().stream().map(this::view).toList(), request,
                found.count());
    }

    @Transactional
    public ScreeningView review(Caller caller, UUID id, ReviewInput input) {
        ScreeningRecord screening = reachable(caller, id);
        boolean confirm = "confirm".equals(input.decision());
        if (confirm && input.tier() == null) {
            throw ApiException.invalidField("tier", "is required to confirm (1 to 4)");
        }
        if (!screening.flagged) {
            throw ApiException.conflict("Only a flagged screening is reviewed.");
        }
        if (screening.reviewDecision != null) {
            throw ApiException.conflict("This screening was already " + screening.reviewDecision + " by "
                    + screening.reviewedBy + " at " + screening.reviewedAt + ".");
        }
        screening.reviewDecision = confirm ? ScreeningReviewed.CONFIRMED : ScreeningReviewed.DISMISSED;
        screening.reviewTier = confirm ? input.tier() : null;
        screening.reviewNotes = input.notes();
        screening.knownToStaff = input.knownToStaff();
        screening.reviewedBy = caller.subject();
        screening.reviewedAt = Instant.now();
        audit.record(caller, AuditLog.SCREENING_REVIEWED, "validation", screening.studentRef,
                "screening=" + id + " decision=" + screening.reviewDecision);
        outbox.add(screening.studentRef, id.toString(), new ScreeningReviewed(id, screening.studentRef, screening.boardId,
                screening.schoolId, screening.reviewDecision, screening.reviewTier, screening.knownToStaff, screening.reviewedAt));
        return view(screening);
    }

    /** Closes the loop: the referral's latest status as referral-service reports it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralStatusChanged(ReferralStatusChanged event) {
        ScreeningRecord screening = event.screeningId() == null ? null : ScreeningRecord.findById(event.screeningId());
        if (screening == null) {
            return;
        }
        if (screening.referralStatusAt == null || !event.changedAt().isBefore(screening.referralStatusAt)) {
            screening.referralStatus = event.status();
            screening.referralStatusAt = event.changedAt();
        }
        switch (event.status()) {
            case "requested" -> screening.referredAt = earliest(screening.referredAt, event.changedAt());
            case "accepted" -> screening.acceptedAt = earliest(screening.acceptedAt, event.changedAt());
            case "completed" -> screening.completedAt = earliest(screening.completedAt, event.changedAt());
            default -> {
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseClosed(UUID screeningId, String outcome, Instant closedAt) {
        ScreeningRecord screening = screeningId == null ? null : ScreeningRecord.findById(screeningId);
        if (screening != null) {
            screening.referralStatus = "closed:" + outcome;
            screening.referralStatusAt = closedAt;
        }
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    private ScreeningRecord reachable(Caller caller, UUID id) {
        ScreeningRecord screening = ScreeningRecord.findById(id);
        if (screening == null || !caller.reachesSchool(screening.boardId, screening.schoolId)) {
            // Another school's screening is as absent as a missing one: its existence is not disclosed.
            throw ApiException.notFound("No screening " + id + ".");
        }
        return screening;
    }

    ScreeningView view(ScreeningRecord s) {
        ScreeningResult result = readResult(s.result);
        ReviewView review = s.reviewDecision == null ? null
                : new ReviewView(s.reviewDecision, s.reviewTier, s.reviewNotes, s.knownToStaff, s.reviewedBy, s.reviewedAt);
        ReferralView referral = s.referralStatus == null ? null
                : new ReferralView(s.referralStatus, s.referralStatusAt, s.referredAt, s.acceptedAt, s.completedAt);
        return new ScreeningView(s.id, s.studentRef, s.schoolId, s.grade, s.instrumentKey, s.instrumentVersion,
                s.administeredOn, result.domains(), s.flagged, s.suggestedTier, result.needs(), review, referral, s.createdAt);
    }

    private ScreeningResult readResult(String result) {
        try {
            return json.readValue(result, ScreeningResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
