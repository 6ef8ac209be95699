package org.bridgeway.platform.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;

/** The current W3C {@code traceparent}, kept with an outbox row and sent as the record's trace headers. */
final class TraceParent {

    /** W3C Trace Context, read by OpenTelemetry's Kafka instrumentation on the consumer side. */
    static final String HEADER = "traceparent";
    /** The same value as the CloudEvents Distributed Tracing extension attribute (binary mode: ce_ prefix). */
    static final String CLOUDEVENTS_HEADER = "ce_traceparent";

    private TraceParent() {}

    /** @return the current span's traceparent, or null outside any trace */
    static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }
}
