package org.bridgeway.gateway.routing;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Anything no route serves is a 404 problem+json. */
@ApplicationScoped
public class NotFoundFallback {

    void register(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> GatewayProblems.send(ctx, 404, "Not Found", "No resource at this path."));
    }
}
