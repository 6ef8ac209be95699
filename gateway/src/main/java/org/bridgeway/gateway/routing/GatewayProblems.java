package org.bridgeway.gateway.routing;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The gateway's own answers are RFC 9457 problem+json, like the services'. */
public final class GatewayProblems {

    private GatewayProblems() {
    }

    public static void send(RoutingContext ctx, int status, String title, String detail) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject()
                        .put("type", "about:blank")
                        .put("title", title)
                        .put("status", status)
                        .put("detail", detail)
                        .put("instance", ctx.request().path())
                        .encode());
    }

    /** 413 for a body over the route's limit; the connection closes so the rest of the body is not read. */
    public static void tooLarge(RoutingContext ctx, long limit) {
        if (!ctx.response().headWritten() && ctx.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
            ctx.response().putHeader("Connection", "close");
        }
        send(ctx, 413, "Content Too Large", "The body is larger than " + limit + " bytes for this route.");
    }
}
