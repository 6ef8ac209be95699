package org.bridgeway.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bridgeway.events.CaseClosed;
import org.bridgeway.events.ReferralStatusChanged;
import org.bridgeway.platform.outbox.Outbox;
import org.bridgeway.referral.store.Referral;
import org.bridgeway.referral.store.ReferralCase;

import java.time.Instant;

/** Writes referral.events to the outbox in the transaction of the change; keyed by studentRef so a student's events stay ordered. */
@ApplicationScoped
public class ReferralEvents {

    private final Outbox outbox;

    ReferralEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(ReferralCase c, Referral r, Instant at) {
        outbox.add(c.studentRef, r.id.toString(), new ReferralStatusChanged(r.id, c.id, c.screeningId, c.studentRef,
                c.boardId, r.organizationId, r.serviceId, r.status, r.reason, at));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseClosed(ReferralCase c) {
        outbox.add(c.studentRef, c.id.toString(), new CaseClosed(c.id, c.screeningId, c.studentRef, c.boardId,
                c.closureOutcome, c.closedAt));
    }
}
