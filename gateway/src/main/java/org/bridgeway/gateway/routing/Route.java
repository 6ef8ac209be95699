package org.bridgeway.gateway.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bridgeway.gateway.config.GatewayConfig;

/** The path prefixes each service owns under /api/v1. */
public enum Route {
    SCREENING("screening-service", List.of("/api/v1/screening"), GatewayConfig.Upstreams::screening),
    PARTNER("partner-service", List.of("/api/v1/partners", "/api/v1/hsds"), GatewayConfig.Upstreams::partner),
    REFERRAL("referral-service", List.of("/api/v1/referrals"), GatewayConfig.Upstreams::referral);

    private final String service;
    private final List<String> prefixes;
    private final Function<GatewayConfig.Upstreams, GatewayConfig.Upstream> upstream;

    Route(String service, List<String> prefixes, Function<GatewayConfig.Upstreams, GatewayConfig.Upstream> upstream) {
        this.service = service;
        this.prefixes = prefixes;
        this.upstream = upstream;
    }

    public String service() {
        return service;
    }

    public List<String> prefixes() {
        return prefixes;
    }

    public GatewayConfig.Upstream upstream(GatewayConfig config) {
        return upstream.apply(config.upstreams());
    }

    public static Optional<Route> of(String path) {
        return Arrays.stream(values())
                .filter(r -> r.prefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/")))
                .findFirst();
    }
}
