package org.bridgeway.referral.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.referral.domain.matching.AgreementSnapshot;
import org.bridgeway.referral.domain.matching.MatchIndex;
import org.bridgeway.referral.domain.matching.ServiceSnapshot;
import org.bridgeway.referral.store.ReadModelReader;
import org.bridgeway.referral.store.ReadModelReader.AgreementRow;
import org.bridgeway.referral.store.ReadModelReader.ServiceRow;

/**
 * The partner read model held in memory as a pre-indexed {@link MatchIndex}. Before each use it asks
 * the database for the latest change number (one indexed lookup) and folds in only the rows changed
 * since, so every replica sees what any replica's consumer applied. Change numbers come from a
 * sequence and can commit out of order, so a full reload every minute catches a row that committed
 * behind a newer one.
 */
@ApplicationScoped
public class MatchingSnapshot {

    private final ReadModelReader reader;
    private final Map<UUID, ServiceSnapshot> services = new HashMap<>();
    private final Map<UUID, AgreementSnapshot> agreements = new HashMap<>();
    private volatile MatchIndex index = MatchIndex.empty();
    private long seenChange = -1;

    MatchingSnapshot(ReadModelReader reader) {
        this.reader = reader;
    }

    /** The index as of the latest committed change; call inside a transaction. */
    public MatchIndex current() {
        long latest = reader.lastChange();
        synchronized (this) {
            if (latest != seenChange) {
                refreshAfter(seenChange < 0 ? 0 : seenChange);
            }
            return index;
        }
    }

    @Scheduled(
            every = "${bridgeway.referral.snapshot-reload:60s}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reloadAll() {
        synchronized (this) {
            seenChange = -1;
        }
    }

    private void refreshAfter(long after) {
        if (after == 0) {
            services.clear();
            agreements.clear();
        }
        long highest = after;
        for (ServiceRow row : reader.servicesChangedAfter(after)) {
            services.put(
                    row.serviceId(),
                    new ServiceSnapshot(
                            row.serviceId(),
                            row.organizationId(),
                            row.organizationName(),
                            row.name(),
                            new HashSet<>(row.needs()),
                            row.minAge(),
                            row.maxAge(),
                            row.minGrade(),
                            row.maxGrade(),
                            new HashSet<>(row.languages()),
                            new HashSet<>(row.serviceAreas()),
                            row.status(),
                            row.available(),
                            row.maximum(),
                            row.waitlist()));
            highest = Math.max(highest, row.changeSeq());
        }
        for (AgreementRow row : reader.agreementsChangedAfter(after)) {
            agreements.put(
                    row.agreementId(),
                    new AgreementSnapshot(
                            row.agreementId(),
                            row.organizationId(),
                            row.boardId(),
                            new HashSet<>(row.scopes()),
                            row.validFrom(),
                            row.validTo(),
                            row.status()));
            highest = Math.max(highest, row.changeSeq());
        }
        index = MatchIndex.of(services.values(), agreements.values());
        seenChange = highest;
    }
}
