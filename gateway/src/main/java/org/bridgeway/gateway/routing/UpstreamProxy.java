package org.bridgeway.gateway.routing;

import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.bridgeway.gateway.config.GatewayConfig;
import org.bridgeway.platform.problem.Problems;

/**
 * Streams a request to its service and the answer back: status, headers and body as the service
 * wrote them, never buffered whole. A service that is down, slow or failing gets a 503/504
 * problem+json quickly, and its circuit breaker spares it (and the caller) while it recovers.
 */
@ApplicationScoped
public class UpstreamProxy {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length");

    private final GatewayConfig config;
    /**
     * One client per event loop, made on first use by that loop, so its pooled connections live on the loop that
     * serves the incoming request: the request is written, and the answer relayed, without handing each step to
     * another event loop's thread (a wake-up and a queue per step with one shared pool).
     */
    private final ThreadLocal<HttpClient> clients;

    private final Map<Route, CircuitBreaker> breakers = new EnumMap<>(Route.class);

    UpstreamProxy(GatewayConfig config, Vertx vertx) {
        this.config = config;
        HttpClientOptions options =
                new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(50).setConnectTimeout(2000);
        this.clients = ThreadLocal.withInitial(() -> vertx.createHttpClient(options));
        for (Route route : Route.values()) {
            breakers.put(
                    route,
                    new CircuitBreaker(
                            config.breaker().failures(), config.breaker().openFor(), System::nanoTime));
        }
    }

    public CircuitBreaker breaker(Route route) {
        return breakers.get(route);
    }

    void forward(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        Route route = Route.of(in.path()).orElse(null);
        if (route == null) {
            Problems.send(ctx, 404, "No service serves this path.");
            return;
        }
        CircuitBreaker breaker = breakers.get(route);
        if (!breaker.allow()) {
            ctx.response().putHeader("Retry-After", Long.toString(breaker.retryAfterSeconds()));
            Problems.send(ctx, 503, route.service() + " is failing; the gateway is giving it time to recover.");
            return;
        }
        GatewayConfig.Upstream upstream = route.upstream(config);
        int port = upstream.url().getPort() > 0 ? upstream.url().getPort() : 80;
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(upstream.url().getHost())
                .setPort(port)
                .setURI(in.uri())
                .setIdleTimeout(upstream.timeout().toMillis());
        clients.get().request(options).onComplete(connected -> {
            if (connected.failed()) {
                breaker.onFailure();
                unavailable(ctx, route, connected.cause());
                return;
            }
            HttpClientRequest out = connected.result();
            copyHeaders(in.headers(), out.headers());
            out.putHeader("X-Forwarded-For", in.remoteAddress().hostAddress());
            out.putHeader(
                    "X-Forwarded-Host",
                    in.authority() == null ? "" : in.authority().toString());
            out.putHeader("X-Forwarded-Proto", in.scheme());
            String length = in.getHeader("Content-Length");
            if (length != null) {
                out.putHeader("Content-Length", length);
            } else if (in.getHeader("Transfer-Encoding") != null
                    || in.version() == HttpVersion.HTTP_2 && !in.isEnded()) {
                // HTTP/2 streams a body of unknown length without Transfer-Encoding; HTTP/1.1 upstreams need chunks.
                out.setChunked(true);
            }
            out.response().onComplete(answered -> {
                if (ctx.response().ended()) {
                    return; // the gateway already answered (a streamed body over the limit)
                }
                if (answered.failed()) {
                    breaker.onFailure();
                    unavailable(ctx, route, answered.cause());
                    return;
                }
                relay(ctx, answered.result(), breaker);
            });
            sendBody(ctx, out);
        });
    }

    /**
     * A body of declared length was checked against the limit already; a streamed one is counted as
     * it passes, and the first byte over the limit ends it with a 413 problem+json.
     */
    private static void sendBody(RoutingContext ctx, HttpClientRequest out) {
        HttpServerRequest in = ctx.request();
        Long limit = ctx.get(EdgeHandlers.BODY_LIMIT);
        if (limit == null || in.getHeader("Content-Length") != null) {
            in.pipeTo(out).onFailure(e -> out.reset());
            return;
        }
        long[] received = {0};
        in.exceptionHandler(e -> out.reset());
        in.endHandler(done -> out.end());
        in.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > limit) {
                in.handler(null);
                in.endHandler(null);
                EdgeHandlers.tooLarge(ctx, limit); // first: resetting the upstream request fails its response
                out.reset();
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(drained -> in.resume());
            }
        });
        in.resume();
    }

    private void relay(RoutingContext ctx, HttpClientResponse upstream, CircuitBreaker breaker) {
        if (upstream.statusCode() >= 500) {
            breaker.onFailure();
        } else {
            breaker.onSuccess();
        }
        var response = ctx.response().setStatusCode(upstream.statusCode());
        copyHeaders(upstream.headers(), response.headers());
        String length = upstream.getHeader("Content-Length");
        if (length != null) {
            response.putHeader("Content-Length", length);
        } else {
            response.setChunked(true);
        }
        upstream.pipeTo(response)
                .onFailure(e ->
                        Log.debugf("relay of %s interrupted: %s", ctx.request().path(), e.getMessage()));
    }

    private static void unavailable(RoutingContext ctx, Route route, Throwable cause) {
        if (cause instanceof TimeoutException
                || cause.getClass().getSimpleName().contains("Timeout")) {
            Problems.send(ctx, 504, route.service() + " did not answer in time.");
        } else {
            Log.debugf("%s unavailable: %s", route.service(), cause.toString());
            Problems.send(ctx, 503, route.service() + " is unavailable; try again shortly.");
        }
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }
}
