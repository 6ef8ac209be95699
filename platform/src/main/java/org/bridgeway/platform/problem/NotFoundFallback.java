package org.bridgeway.platform.problem;

import io.vertx.core.json.JsonObject;
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
            ctx.response().setStatusCode(404)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(new JsonObject()
                            .put("type", "about:blank")
                            .put("title", "Not Found")
                            .put("status", 404)
                            .put("detail", "No resource at this path.")
                            .put("instance", ctx.normalizedPath())
                            .encode());
        });
    }
}
