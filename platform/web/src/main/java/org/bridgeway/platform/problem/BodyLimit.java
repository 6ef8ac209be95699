package org.bridgeway.platform.problem;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body that declares itself too large with a 413 problem+json, before the HTTP layer's own
 * limit (which answers with an empty body). Bulk uploads (batches, rosters) may be as large as
 * {@code quarkus.http.limits.max-body-size}; every other body is bounded by {@code bridgeway.http.max-json-body}.
 */
@ApplicationScoped
public class BodyLimit {

    /** Runs just before Quarkus' own upload limit (order -2). */
    private static final int ORDER = -3;

    private final long bulkLimit;
    private final long jsonLimit;

    BodyLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size")
                    io.quarkus.runtime.configuration.MemorySize bulkLimit,
            @ConfigProperty(name = "bridgeway.http.max-json-body", defaultValue = "2M")
                    io.quarkus.runtime.configuration.MemorySize jsonLimit) {
        this.bulkLimit = bulkLimit.asLongValue();
        this.jsonLimit = jsonLimit.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        String path = ctx.request().path();
        boolean bulk = path.endsWith("/batches") || path.endsWith("/roster");
        if (declared == null) {
            // A streamed (chunked) body could only be measured after it was read: bulk uploads may stream,
            // every other body must say its length up front.
            String method = ctx.request().method().name();
            boolean mayHaveBody = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
            if (!bulk && mayHaveBody && path.startsWith("/api/")) {
                reject(ctx, 411, "Send this body with a Content-Length; only bulk uploads may be streamed.");
                return;
            }
            ctx.next();
            return;
        }
        long limit = bulk ? bulkLimit : jsonLimit;
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            ctx.next();
            return;
        }
        reject(ctx, 413, "The body is " + length + " bytes; this endpoint takes at most " + limit + ".");
    }

    private static void reject(RoutingContext ctx, int status, String detail) {
        ctx.response().putHeader("Connection", "close");
        Problems.send(ctx, status, detail);
    }
}
