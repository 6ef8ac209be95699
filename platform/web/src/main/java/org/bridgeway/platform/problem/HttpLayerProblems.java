package org.bridgeway.platform.problem;

import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A failure of the HTTP layer itself (a streamed body over Quarkus' own limit, a route handler that
 * failed) is problem+json like every other error, never an empty body without a Content-Type.
 */
@ApplicationScoped
public class HttpLayerProblems {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(HttpLayerProblems::failed);
    }

    private static void failed(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
        if (status >= 500) {
            Log.errorf(ctx.failure(), "HTTP layer failure on %s", ctx.request().path());
        }
        String detail = switch (status) {
            case 413 -> "The request body is too large.";
            case 500 -> "The request could not be handled.";
            default -> Problems.title(status) + ".";
        };
        if (status == 413) {
            ctx.response().putHeader("Connection", "close");
        }
        Problems.send(ctx, status, detail);
    }
}
