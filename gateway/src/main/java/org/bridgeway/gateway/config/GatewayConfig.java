package org.bridgeway.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Everything the gateway is tuned by; each key is also an environment variable (BRIDGEWAY_...). */
@ConfigMapping(prefix = "bridgeway")
public interface GatewayConfig {

    Upstreams upstreams();

    RateLimits rateLimit();

    BodyLimits bodyLimit();

    Breaker breaker();

    interface Upstreams {
        Upstream screening();

        Upstream partner();

        Upstream referral();
    }

    interface Upstream {
        URI url();

        /** How long the gateway waits for the upstream's response headers. */
        @WithDefault("10s")
        Duration timeout();
    }

    /**
     * Token buckets: per client address before the token is verified (so forged tokens cost bounded
     * work), then per token subject and route class.
     */
    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        Limit address();

        Limit bulk();

        Limit write();

        Limit read();
    }

    interface Limit {
        double perSecond();

        int burst();
    }

    interface BodyLimits {
        /** Bulk ingest (batches, rosters), in bytes. */
        @WithDefault("67108864")
        long bulk();

        @WithDefault("1048576")
        long other();
    }

    interface Breaker {
        /** Consecutive failures (connect errors, timeouts, 5xx) that open the breaker. */
        @WithDefault("5")
        int failures();

        /** How long an open breaker answers 503 before letting one trial request through. */
        @WithDefault("10s")
        Duration openFor();
    }
}
