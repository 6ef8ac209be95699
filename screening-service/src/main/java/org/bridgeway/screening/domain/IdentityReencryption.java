package org.bridgeway.screening.domain;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bridgeway.screening.store.StoredIdentities;
import org.bridgeway.screening.store.StoredIdentities.StoredIdentity;

/**
 * After an identity key rotation, seals every stored identity still under a previous key again under
 * the active one, page by page, each page in its own transaction. Safe beside roster pushes and on
 * several replicas at once (a row changed meanwhile is left to its writer), and idempotent: a pass
 * over data already under the active key rewrites nothing. It runs in the background while the key
 * ring holds previous keys, and reports when they can be removed.
 */
@ApplicationScoped
public class IdentityReencryption {

    private static final int PAGE = 500;

    private final IdentityVault vault;
    private final StoredIdentities stored;

    IdentityReencryption(IdentityVault vault, StoredIdentities stored) {
        this.vault = vault;
        this.stored = stored;
    }

    /** What one pass did: identities read, and those sealed again under the active key. */
    public record Pass(int examined, int reencrypted) {}

    @Scheduled(
            every = "${bridgeway.identity.reencryption-interval:10m}",
            delayed = "${bridgeway.identity.reencryption-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void inBackground() {
        if (vault.rotating()) {
            Pass pass = run();
            Log.infof(
                    "identity re-encryption: %d identities examined, %d sealed again under the active key%s",
                    pass.examined(),
                    pass.reencrypted(),
                    pass.reencrypted() == 0
                            ? "; none is under a previous key any more: the previous keys can be removed"
                            : "");
        }
    }

    public Pass run() {
        int examined = 0;
        int reencrypted = 0;
        String after = "";
        while (true) {
            String from = after;
            List<StoredIdentity> page = QuarkusTransaction.requiringNew().call(() -> stored.after(from, PAGE));
            if (page.isEmpty()) {
                return new Pass(examined, reencrypted);
            }
            reencrypted += QuarkusTransaction.requiringNew().call(() -> reseal(page));
            examined += page.size();
            after = page.get(page.size() - 1).studentRef();
        }
    }

    private int reseal(List<StoredIdentity> page) {
        int count = 0;
        for (StoredIdentity identity : page) {
            byte[] resealed = vault.reencrypted(identity.studentRef(), identity.identity());
            if (resealed != null && stored.replace(identity, resealed)) {
                count++;
            }
        }
        return count;
    }
}
