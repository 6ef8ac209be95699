package org.bridgeway.gateway.routing;

import org.bridgeway.gateway.config.UpstreamsConfig;

import java.util.List;
import java.util.function.Function;

/** The path prefixes each service owns under /api/v1. */
public enum Route {

    SCREENING("screening-service", List.of("/api/v1/screening"), UpstreamsConfig::screening),
    PARTNER("partner-service", List.of("/api/v1/partners", "/api/v1/hsds"), UpstreamsConfig::partner),
    REFERRAL("referral-service", List.of("/api/v1/referrals"), UpstreamsConfig::referral);

    private final String service;
    private final List<String> prefixes;
    private final Function<UpstreamsConfig, UpstreamsConfig.Upstream> upstream;

    Route(String service, List<String> prefixes, Function<UpstreamsConfig, UpstreamsConfig.Upstream> upstream) {
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

    public UpstreamsConfig.Upstream upstream(UpstreamsConfig config) {
        return upstream.apply(config);
    }
}
