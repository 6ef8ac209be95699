package org.bridgeway.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error a service answers is RFC 9457 problem+json: bad input is a 4xx with field errors,
 * and an unexpected failure is a 500 whose detail carries an id to find it in the log, never a trace.
 */
public class ProblemExceptionMappers {

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return Problems.response(e.toProblem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problems.response(Problem.of(400, "Bad Request", "The request has invalid fields.")
                .withErrors(errors));
    }

    /** Declared for the subtype too: quarkus-rest-jackson's own mapper for it would win otherwise. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonMapping(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonMapping(JsonMappingException e) {
        String field = JsonRefusals.field(e);
        return Problems.response(Problem.of(400, "Bad Request", "The request body does not match the expected JSON.")
                .withErrors(
                        List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, JsonRefusals.message(e)))));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonProcessingException e) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return Problems.response(400, "The request body is not valid JSON" + where + ".");
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e) {
        return Problems.response(403, "Your role or scope does not allow this.");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity() && original.getEntity() instanceof Problem) {
            return original;
        }
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.ResponseBuilder builder = Response.fromResponse(Problems.response(status, detail(status, e)));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "unexpected failure, incident %s", incident);
        return Problems.response(
                500, "Something went wrong on our side. Incident " + incident + " is in the service log.");
    }

    private static Response unauthenticated() {
        return Response.fromResponse(Problems.response(401, "A valid bearer token is required."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static String detail(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "No acceptable representation: this API answers JSON.";
            case 413 -> "The request body is too large.";
            case 415 -> "Unsupported media type: send application/json (or text/csv where documented).";
            default -> e.getMessage();
        };
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // Method-parameter paths look like "upsert.upload.schools[0].name"; the caller knows "schools[0].name".
        List<String> segments = new java.util.ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable() && !segments.isEmpty()) {
                String key = node.getIndex() != null ? node.getIndex().toString() : String.valueOf(node.getKey());
                segments.set(segments.size() - 1, segments.get(segments.size() - 1) + "[" + key + "]");
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                segments.add(node.getName());
            }
        }
        return segments.size() > 2
                ? String.join(".", segments.subList(2, segments.size()))
                : segments.isEmpty() ? "body" : segments.get(segments.size() - 1);
    }
}
