package org.bridgeway.platform.problem;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses; the status text is the title unless one is given. */
public final class Problems {

    private Problems() {}

    public static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    public static Response response(int status, String detail) {
        return response(Problem.of(status, title(status), detail));
    }

    /**
     * For Vert.x routes that answer without JAX-RS (unknown paths, body limits, the gateway's edge). Once a
     * response has started there is no way to tell the client in a body, so the connection is reset instead.
     */
    public static void send(io.vertx.ext.web.RoutingContext ctx, int status, String detail) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(new io.vertx.core.json.JsonObject()
                        .put("type", "about:blank")
                        .put("title", title(status))
                        .put("status", status)
                        .put("detail", Truncation.cut(detail, Truncation.MAX_DETAIL))
                        .put("instance", Truncation.cut(ctx.normalizedPath(), Truncation.MAX_FIELD))
                        .encode());
    }

    /** 413 for a body over a limit: on HTTP/1.1 the connection closes, so the rest of the body is not read. */
    public static void tooLarge(io.vertx.ext.web.RoutingContext ctx, String detail) {
        if (!ctx.response().headWritten() && ctx.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
            ctx.response().putHeader("Connection", "close");
        }
        send(ctx, 413, detail);
    }

    public static String title(int status) {
        if (status == 413) {
            return "Content Too Large"; // RFC 9110's name; JAX-RS still says "Request Entity Too Large"
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> "HTTP " + status;
        };
    }
}
