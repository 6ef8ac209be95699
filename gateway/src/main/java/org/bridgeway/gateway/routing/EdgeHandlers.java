package org.bridgeway.gateway.routing;

import io.quarkus.logging.Log;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bridgeway.gateway.config.GatewayConfig;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What happens to every /api/v1 request before it reaches a service, in order: a request id and
 * trace context, an access log line, the bearer token checked, the client's rate limit, the body
 * size limit, then the proxy.
 */
@ApplicationScoped
public class EdgeHandlers {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    static final String SUBJECT = "bridgeway.subject";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GatewayConfig config;
    private final JWTParser jwt;
    private final UpstreamProxy proxy;
    private final Map<RouteClass, TokenBucketLimiter> limiters = new EnumMap<>(RouteClass.class);

    EdgeHandlers(GatewayConfig config, JWTParser jwt, UpstreamProxy proxy) {
        this.config = config;
        this.jwt = jwt;
        this.proxy = proxy;
        limiters.put(RouteClass.BULK, limiter(config.rateLimit().bulk()));
        limiters.put(RouteClass.WRITE, limiter(config.rateLimit().write()));
        limiters.put(RouteClass.READ, limiter(config.rateLimit().read()));
    }

    private static TokenBucketLimiter limiter(GatewayConfig.Limit limit) {
        return new TokenBucketLimiter(limit.perSecond(), limit.burst(), System::nanoTime);
    }

    void register(@Observes Router router, Vertx vertx) {
        router.route("/api/v1/*").order(-40).handler(this::tagAndLog);
        router.route("/api/v1/*").order(-39).handler(this::authenticate);
        router.route("/api/v1/*").order(-38).handler(this::rateLimit);
        router.route("/api/v1/*").order(-37).handler(this::limitBody);
        router.route("/api/v1/*").order(-36).handler(proxy::forward);
    }

    void tagAndLog(RoutingContext ctx) {
        String requestId = ctx.request().getHeader(REQUEST_ID);
        if (requestId == null || !SAFE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
            ctx.request().headers().set(REQUEST_ID, requestId);
        }
        if (ctx.request().getHeader(TRACEPARENT) == null) {
            ctx.request().headers().set(TRACEPARENT, newTraceparent());
        }
        ctx.response().putHeader(REQUEST_ID, requestId);
        long start = System.nanoTime();
        String id = requestId;
        ctx.addEndHandler(done -> Log.infof("rid=%s %s %s route=%s status=%d %.1fms", id, ctx.request().method(),
                ctx.request().path(), Route.of(ctx.request().path()).map(Route::service).orElse("-"),
                ctx.response().getStatusCode(), (System.nanoTime() - start) / 1e6));
        ctx.next();
    }

    void authenticate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            unauthorized(ctx, "A bearer token is required.");
            return;
        }
        String token = header.substring(7).trim();
        ctx.vertx().<String>executeBlocking(() -> jwt.parse(token).getSubject(), false).onComplete(result -> {
            if (result.succeeded()) {
                ctx.put(SUBJECT, result.result());
                ctx.next();
            } else {
                Throwable cause = result.cause();
                if (!(cause instanceof ParseException)) {
                    Log.warnf("token check failed: %s", cause.toString());
                }
                unauthorized(ctx, "The bearer token is invalid or expired.");
            }
        });
    }

    void rateLimit(RoutingContext ctx) {
        if (!config.rateLimit().enabled()) {
            ctx.next();
            return;
        }
        RouteClass routeClass = RouteClass.of(ctx.request().method().name(), ctx.request().path());
        String subject = ctx.get(SUBJECT);
        String client = subject != null ? "sub:" + subject : "ip:" + ctx.request().remoteAddress().hostAddress();
        long retryAfter = limiters.get(routeClass).tryAcquire(client);
        if (retryAfter > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
            GatewayProblems.send(ctx, 429, "Too Many Requests", "Rate limit for " + routeClass.name().toLowerCase()
                    + " requests reached; retry after " + retryAfter + " s.");
            return;
        }
        ctx.next();
    }

    void limitBody(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        long limit = RouteClass.of(ctx.request().method().name(), ctx.request().path()) == RouteClass.BULK
                ? config.bodyLimit().bulk() : config.bodyLimit().other();
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    ctx.response().putHeader("Connection", "close");
                    GatewayProblems.send(ctx, 413, "Content Too Large", "The body is larger than " + limit + " bytes for this route.");
                    return;
                }
            } catch (NumberFormatException e) {
                GatewayProblems.send(ctx, 400, "Bad Request", "Content-Length is not a number.");
                return;
            }
        }
        ctx.next();
    }

    private static void unauthorized(RoutingContext ctx, String detail) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        GatewayProblems.send(ctx, 401, "Unauthorized", detail);
    }

    private static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
    }
}
