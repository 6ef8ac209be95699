package org.bridgeway.platform.database;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.bridgeway.platform.problem.ProblemExceptionMappers;
import org.bridgeway.platform.problem.Problems;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A database outage is a 503 with {@code Retry-After}, so integrators retry (with their
 * Idempotency-Key) instead of reporting a bug; every other runtime failure stays the platform's 500.
 */
public class DatabaseUnreachableMapper {

    static final String RETRY_AFTER_SECONDS = "5";

    private final ProblemExceptionMappers problems = new ProblemExceptionMappers();

    @ServerExceptionMapper
    public Response runtimeFailure(RuntimeException e) {
        if (!DatabaseUnreachable.causedBy(e)) {
            return problems.unexpected(e);
        }
        io.quarkus.logging.Log.warnf("database unreachable, answering 503: %s", e.getMessage());
        return Response.fromResponse(
                        Problems.response(
                                503,
                                "The database is unreachable for a moment. Retry later; an Idempotency-Key makes a retried write safe."))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}
