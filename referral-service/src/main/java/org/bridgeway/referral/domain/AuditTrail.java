package org.bridgeway.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bridgeway.referral.domain.lifecycle.CaseStates;
import org.bridgeway.referral.store.AuditEntry;
import org.bridgeway.referral.store.AuditWriter;
import org.bridgeway.referral.store.CaseWriter.OpenedCase;
import org.bridgeway.referral.store.Referral;
import org.bridgeway.referral.store.ReferralCase;

/** Writes every case and referral transition to the append-only audit log, which is also the case timeline. */
@ApplicationScoped
public class AuditTrail {

    public static final String CASE = "case";
    public static final String REFERRAL = "referral";
    public static final String NEEDS_ATTENTION = "needs-attention";

    private final AuditWriter writer;

    AuditTrail(AuditWriter writer) {
        this.writer = writer;
    }

    /** Optional details of a transition. */
    public record Details(String note, String reason, String outcome) {
        public static final Details NONE = new Details(null, null, null);

        public static Details note(String note) {
            return new Details(note, null, null);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseMoved(ReferralCase c, String from, String to, Actor actor, Details details) {
        write(c, null, CASE, from, to, actor, details);
    }

    /** The first entry of each newly opened case's timeline, all in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void casesOpened(List<OpenedCase> opened, Actor actor) {
        writer.append(opened.stream()
                .map(c -> entry(
                        c.boardId(),
                        c.id(),
                        null,
                        CASE,
                        null,
                        CaseStates.OPEN,
                        actor,
                        Details.note("flagged by screening " + c.screeningId())))
                .toList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void referralMoved(ReferralCase c, Referral r, String from, String to, Actor actor, Details details) {
        write(c, r, REFERRAL, from, to, actor, details);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void needsAttention(ReferralCase c, String why) {
        write(c, null, NEEDS_ATTENTION, c.status, c.status, Actor.SYSTEM, Details.note(why));
    }

    private static void write(
            ReferralCase c, Referral r, String action, String from, String to, Actor actor, Details d) {
        entry(c.boardId, c.id, r == null ? null : r.id, action, from, to, actor, d)
                .persist();
    }

    private static AuditEntry entry(
            String boardId,
            UUID caseId,
            UUID referralId,
            String action,
            String from,
            String to,
            Actor actor,
            Details d) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        entry.boardId = boardId;
        entry.caseId = caseId;
        entry.referralId = referralId;
        entry.action = action;
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.actor = actor.subject();
        entry.role = actor.role();
        entry.note = d.note();
        entry.reason = d.reason();
        entry.outcome = d.outcome();
        return entry;
    }
}
