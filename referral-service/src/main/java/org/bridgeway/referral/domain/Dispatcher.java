package org.bridgeway.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.referral.config.ReferralConfig;
import org.bridgeway.referral.domain.AuditTrail.Details;
import org.bridgeway.referral.domain.lifecycle.BusinessDays;
import org.bridgeway.referral.domain.lifecycle.CaseStates;
import org.bridgeway.referral.domain.lifecycle.ReferralStates;
import org.bridgeway.referral.domain.matching.Candidate;
import org.bridgeway.referral.store.Referral;
import org.bridgeway.referral.store.ReferralCase;
import org.bridgeway.referral.store.ReferralQueries;

/**
 * Sends a case to its best candidates: one referral at tiers 2-3, one per distinct need at tier 4.
 * The same pass re-routes: a slot whose referral was rejected or expired is empty again, and the matcher
 * never proposes that organization for this case again. A slot with no candidate left marks the case
 * {@code needs-attention} for a coordinator; nothing is dropped silently.
 */
@ApplicationScoped
public class Dispatcher {

    private final Matching matching;
    private final ReferralQueries referrals;
    private final AuditTrail audit;
    private final ReferralEvents events;
    private final ReferralConfig config;
    private final ZoneId zone;

    Dispatcher(
            Matching matching,
            ReferralQueries referrals,
            AuditTrail audit,
            ReferralEvents events,
            ReferralConfig config) {
        this.matching = matching;
        this.referrals = referrals;
        this.audit = audit;
        this.events = events;
        this.config = config;
        this.zone = ZoneId.of(config.zone());
    }

    /** Fills every empty referral slot of the case; call with the case row locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Referral> dispatch(ReferralCase c, BoardSettings settings, Actor actor) {
        List<Referral> existing = new ArrayList<>(referrals.ofCase(c.id));
        List<Referral> sent = new ArrayList<>();
        for (List<String> slot : emptySlots(c, existing)) {
            Optional<Candidate> best = matching.best(c, settings, existing, slot);
            if (best.isEmpty()) {
                markNeedsAttention(c, "no candidate left for " + String.join(", ", slot));
                continue;
            }
            Referral referral = send(c, settings, best.get(), slot.size() == 1 ? slot.get(0) : null, actor, null);
            existing.add(referral);
            sent.add(referral);
        }
        return sent;
    }

    /** A referral to one chosen candidate (a coordinator's manual dispatch). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Referral send(
            ReferralCase c, BoardSettings settings, Candidate candidate, String need, Actor actor, String note) {
        Instant now = Instant.now();
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.caseId = c.id;
        r.boardId = c.boardId;
        r.schoolId = c.schoolId;
        r.studentRef = c.studentRef;
        r.serviceId = candidate.service().serviceId();
        r.serviceName = candidate.service().name();
        r.organizationId = candidate.service().organizationId();
        r.organizationName = candidate.service().organizationName();
        r.need = need;
        r.score = candidate.score();
        r.status = ReferralStates.REQUESTED;
        r.note = note;
        r.version = 1;
        r.requestedAt = now;
        r.dueAt = config.slaOverride()
                .map(now::plus)
                .orElseGet(() -> BusinessDays.add(now, settings.slaBusinessDays(), zone));
        r.updatedAt = now;
        r.persist();
        audit.referralMoved(c, r, null, ReferralStates.REQUESTED, actor, Details.note(note));
        events.statusChanged(c, r, now);
        if (!CaseStates.REFERRED.equals(c.status)) {
            audit.caseMoved(c, c.status, CaseStates.REFERRED, actor, Details.NONE);
            c.status = CaseStates.REFERRED;
        }
        c.needsAttention = false;
        return r;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markNeedsAttention(ReferralCase c, String why) {
        if (!c.needsAttention) {
            c.needsAttention = true;
            audit.needsAttention(c, why);
        }
    }

    /**
     * The needs still waiting for a referral: at tier 4 each distinct need without a referral that is live
     * or finished for good; at tiers 2-3 all needs together when no such referral exists.
     */
    private static List<List<String>> emptySlots(ReferralCase c, List<Referral> existing) {
        List<Referral> holding = existing.stream()
                .filter(r -> !ReferralStates.REROUTING.contains(r.status))
                .toList();
        int tier = c.effectiveTier();
        if (CaseStates.referralsFor(tier, c.needs.size()) == 0) {
            return List.of();
        }
        if (tier < 4 || c.needs.size() <= 1) {
            return holding.isEmpty() ? List.of(c.needs) : List.of();
        }
        List<List<String>> slots = new ArrayList<>();
        for (String need : new LinkedHashSet<>(c.needs)) {
            if (holding.stream().noneMatch(r -> need.equals(r.need))) {
                slots.add(List.of(need));
            }
        }
        return slots;
    }
}
