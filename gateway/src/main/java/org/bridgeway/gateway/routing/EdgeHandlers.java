package org.bridgeway.gateway.routing;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bridgeway.gateway.config.GatewayConfig;
import org.bridgeway.gateway.security.EdgeAuthentication;
import org.bridgeway.platform.problem.Problems;

/**
 * What happens to every /api/v1 request before it reaches a service, in order: a request id and
 * trace context, an access log line, the client address's rate limit (before any signature is
 * verified, so a flood of forged tokens costs a bounded number of RSA verifications), the bearer
 * token checked, the subject's rate limit per route class, the body size limit, then the proxy.
 */
@ApplicationScoped
public class EdgeHandlers {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    /** Routing-context key of the byte limit the proxy enforces on a body of unknown length. */
    static final String BODY_LIMIT = "bridgeway.body-limit";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GatewayConfig config;
    private final EdgeAuthentication authentication;
    private final UpstreamProxy proxy;
    private final Map<RouteClass, TokenBucketLimiter> limiters = new EnumMap<>(RouteClass.class);
    private final TokenBucketLimiter addressLimiter;

    EdgeHandlers(GatewayConfig config, EdgeAuthentication authentication, UpstreamProxy proxy) {
        this.config = config;
        this.authentication = authentication;
        this.proxy = proxy;
        addressLimiter = limiter(config.rateLimit().address());
        limiters.put(RouteClass.BULK, limiter(config.rateLimit().bulk()));
        limiters.put(RouteClass.WRITE, limiter(config.rateLimit().write()));
        limiters.put(RouteClass.READ, limiter(config.rateLimit().read()));
    }

    private static TokenBucketLimiter limiter(GatewayConfig.Limit limit) {
        return new TokenBucketLimiter(limit.perSecond(), limit.burst(), System::nanoTime);
    }

    void register(@Observes Router router, Vertx vertx) {
        router.route("/api/v1/*").order(-40).handler(this::tagAndLog);
        router.route("/api/v1/*").order(-39).handler(this::rateLimitAddress);
        router.route("/api/v1/*").order(-38).handler(authentication::authenticate);
        router.route("/api/v1/*").order(-37).handler(this::rateLimit);
        router.route("/api/v1/*").order(-36).handler(this::limitBody);
        router.route("/api/v1/*").order(-35).handler(proxy::forward);
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
        ctx.addEndHandler(done -> Log.info(accessLine(
                id,
                ctx.request().method().name(),
                ctx.request().path(),
                Route.of(ctx.request().path()).map(Route::service).orElse("-"),
                ctx.response().getStatusCode(),
                System.nanoTime() - start)));
        ctx.next();
    }

    /**
     * {@code rid=… GET /api/v1/… route=… status=200 1.3ms}, built without {@link String#format}: the line is
     * written on the event loop after every response, and the formatter was most of its cost.
     */
    static String accessLine(String requestId, String method, String path, String service, int status, long nanos) {
        long tenths = (nanos + 50_000) / 100_000;
        return new StringBuilder(96 + path.length())
                .append("rid=")
                .append(requestId)
                .append(' ')
                .append(method)
                .append(' ')
                .append(path)
                .append(" route=")
                .append(service)
                .append(" status=")
                .append(status)
                .append(' ')
                .append(tenths / 10)
                .append('.')
                .append(tenths % 10)
                .append("ms")
                .toString();
    }

    void rateLimitAddress(RoutingContext ctx) {
        if (config.rateLimit().enabled()) {
            refuseOver(
                    ctx, addressLimiter, "ip:" + ctx.request().remoteAddress().hostAddress(), "from this address");
        } else {
            ctx.next();
        }
    }

    void rateLimit(RoutingContext ctx) {
        if (!config.rateLimit().enabled()) {
            ctx.next();
            return;
        }
        RouteClass routeClass =
                RouteClass.of(ctx.request().method().name(), ctx.request().path());
        String subject = ctx.get(EdgeAuthentication.SUBJECT);
        refuseOver(
                ctx,
                limiters.get(routeClass),
                "sub:" + subject,
                "for " + routeClass.name().toLowerCase() + " requests");
    }

    private static void refuseOver(RoutingContext ctx, TokenBucketLimiter limiter, String client, String what) {
        long retryAfter = limiter.tryAcquire(client);
        if (retryAfter > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
            Problems.send(ctx, 429, "Rate limit " + what + " reached; retry after " + retryAfter + " s.");
            return;
        }
        ctx.next();
    }

    void limitBody(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        long limit = RouteClass.of(ctx.request().method().name(), ctx.request().path()) == RouteClass.BULK
                ? config.bodyLimit().bulk()
                : config.bodyLimit().other();
        ctx.put(BODY_LIMIT, limit);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    tooLarge(ctx, limit);
                    return;
                }
            } catch (NumberFormatException e) {
                Problems.send(ctx, 400, "Content-Length is not a number.");
                return;
            }
        }
        ctx.next();
    }

    /** 413 for a body over the route's limit, whether declared up front or counted while it streams. */
    static void tooLarge(RoutingContext ctx, long limit) {
        Problems.tooLarge(ctx, "The body is larger than " + limit + " bytes for this route.");
    }

    private static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
    }
}
