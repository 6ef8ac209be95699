package org.bridgeway.platform.observability;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Tags every request before anything else handles it:
 * <ul>
 * <li>its request id goes into the logging context, so every log line written while serving it names it
 * (JSON logs: the "mdc" object, beside OpenTelemetry's traceId); a request without a usable id gets one,
 * set on the request too, so the gateway passes that same id on to the services;</li>
 * <li>its {@code traceparent} header is set to the span serving it, so a proxy that copies the request's
 * headers upstream (the gateway) continues this trace instead of the caller's parent or a new one.</li>
 * </ul>
 * Quarkus keeps the MDC and the trace context per request (Vert.x duplicated context), on worker threads too.
 */
@ApplicationScoped
public class RequestTagging {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String MDC_REQUEST_ID = "requestId";
    /** Short and inert, so a caller cannot forge log lines or stuff them with megabytes. */
    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::tag);
    }

    void tag(RoutingContext ctx) {
        MultiMap headers = ctx.request().headers();
        String requestId = headers.get(REQUEST_ID);
        if (requestId == null || !USABLE.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
            headers.set(REQUEST_ID, requestId);
        }
        MDC.put(MDC_REQUEST_ID, requestId);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, MultiMap::set);
        ctx.next();
    }
}
