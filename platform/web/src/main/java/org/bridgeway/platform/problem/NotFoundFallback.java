package org.bridgeway.platform.problem;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A path no resource serves is a 404 problem+json too, not the router's plain-text page. */
@ApplicationScoped
public class NotFoundFallback {

    void register(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> {
            if (ctx.response().ended()) {
                return;
            }
            Problems.send(ctx, 404, "No resource at this path.");
        });
    }
}
