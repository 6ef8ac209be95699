package org.bridgeway.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** Where each service lives and how long the gateway waits for it. */
@ConfigMapping(prefix = "bridgeway.upstreams")
public interface UpstreamsConfig {

    Upstream screening();

    Upstream partner();

    Upstream referral();

    interface Upstream {
        URI url();

        @WithDefault("10s")
        Duration timeout();
    }
}
