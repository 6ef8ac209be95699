package org.bridgeway.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bridgeway.gateway.config.UpstreamsConfig;

/**
 * Streams each /api/v1 request to the service that owns its prefix, and the answer back, untouched:
 * status, headers and problem+json bodies pass as the service wrote them.
 */
@ApplicationScoped
public class ProxyRoutes {

    private final UpstreamsConfig upstreams;

    ProxyRoutes(UpstreamsConfig upstreams) {
        this.upstreams = upstreams;
    }

    void register(@Observes Router router, Vertx vertx) {
        for (Route route : Route.values()) {
            UpstreamsConfig.Upstream upstream = route.upstream(upstreams);
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout(2000)
                    .setIdleTimeout((int) upstream.timeout().toSeconds())
                    .setKeepAlive(true));
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(port(upstream), upstream.url().getHost());
            for (String prefix : route.prefixes()) {
                router.route(prefix + "/*").order(-10).handler(ProxyHandler.create(proxy));
            }
        }
    }

    private static int port(UpstreamsConfig.Upstream upstream) {
        int port = upstream.url().getPort();
        return port > 0 ? port : "https".equals(upstream.url().getScheme()) ? 443 : 80;
    }
}
