package org.bridgeway.screening.domain;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.bridgeway.platform.outbox.Outbox;

/** Announces freshly stored screenings, single or in batches alike: flagged ones go to the outbox as ScreeningFlagged. */
@ApplicationScoped
public class ScreeningAnnouncer {

    private final Outbox outbox;
    private final MeterRegistry metrics;

    ScreeningAnnouncer(Outbox outbox, MeterRegistry metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** @return how many of them were flagged (and announced), in the caller's transaction */
    @Transactional(Transactional.TxType.MANDATORY)
    public int announce(List<ScoredScreening> stored) {
        Instant now = Instant.now();
        List<Outbox.Draft> drafts = stored.stream()
                .filter(s -> s.score().flagged())
                .map(s -> new Outbox.Draft(s.studentRef(), s.id().toString(), s.flaggedEvent(now)))
                .toList();
        outbox.addAll(drafts);
        metrics.counter("bridgeway.screenings.scored").increment(stored.size());
        metrics.counter("bridgeway.screenings.flagged").increment(drafts.size());
        return drafts.size();
    }
}
