package org.bridgeway.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Signed webhooks to partner organizations ({@code bridgeway.webhooks.*}, or {@code BRIDGEWAY_WEBHOOKS_*}). */
@ConfigMapping(prefix = "bridgeway.webhooks")
public interface WebhookConfig {

    /** Whether this replica delivers at all (every replica may; they share the work). */
    @WithDefault("true")
    boolean enabled();

    /** Lets {@code http://localhost} and {@code http://127.0.0.1} endpoints through: tests and the devstack only. */
    @WithDefault("false")
    boolean allowLocalhost();

    /**
     * Base64 of 32 random bytes: the AES-256-GCM key the signing secrets are stored under. Without it they
     * are stored as they are (still never shown after the answer that created them) and a warning is logged.
     */
    Optional<String> secretKey();

    /** How long a failing delivery is retried before its subscription is marked failing. */
    @WithDefault("24h")
    Duration retryFor();

    /** The first retry waits up to this long; each next one up to twice as long (full jitter). */
    @WithDefault("5s")
    Duration firstBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    Duration maxBackoff();

    /** How long the previous secret still signs after a rotation. */
    @WithDefault("24h")
    Duration rotationOverlap();

    @WithDefault("2s")
    Duration connectTimeout();

    /** The receiver's time to answer; a slower answer is a failed attempt. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How often the worker looks for due deliveries (read by its {@code @Scheduled}). */
    @WithDefault("1s")
    String pollInterval();

    /** How many subscriptions one replica delivers to at the same time (one delivery in flight each). */
    @WithDefault("4")
    int concurrency();

    /** How many endpoints one organization may register. */
    @WithDefault("10")
    int maxPerOrganization();

    /** How long delivered deliveries stay in the log. */
    @WithDefault("7d")
    Duration logRetention();
}
