package org.bridgeway.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import org.bridgeway.platform.messaging.Backoff;

/** referral-service settings ({@code bridgeway.referral.*}, or {@code BRIDGEWAY_REFERRAL_*} in the environment). */
@ConfigMapping(prefix = "bridgeway.referral")
public interface ReferralConfig {

    /** The zone in which business days are counted. */
    @WithDefault("America/Toronto")
    String zone();

    /**
     * When set, every referral is due this long after it is sent, instead of after the board's business
     * days: for tests and demos that must see an expiry happen.
     */
    Optional<Duration> slaOverride();

    /** How many overdue referrals one pass of the SLA clock expires. */
    @WithDefault("100")
    int expiryBatch();

    /** How often the SLA clock looks for overdue referrals (read by its {@code @Scheduled}). */
    @WithDefault("30s")
    String expiryInterval();

    /** How often the matching snapshot reloads whole, as a safety net under its incremental refresh. */
    @WithDefault("60s")
    String snapshotReload();

    Consumer consumer();

    Screening screening();

    /** Backoff of the consumers' retries of a transient failure: doubling from the first up to the max. */
    interface Consumer {

        @WithDefault("100ms")
        Duration firstBackoff();

        @WithDefault("5s")
        Duration maxBackoff();

        default Backoff backoff() {
            return new Backoff(firstBackoff(), maxBackoff());
        }
    }

    /** Where screening-service's audited identity disclosure is, and referral-service's own credential for it. */
    interface Screening {

        @WithDefault("http://localhost:8081")
        String url();

        /** A bearer token with the {@code referral-service} role; or see {@link #tokenFile()}. */
        Optional<String> token();

        /** A file holding the bearer token, re-read on each call so a rotated token is picked up. */
        Optional<String> tokenFile();

        @WithDefault("5s")
        Duration timeout();
    }
}
