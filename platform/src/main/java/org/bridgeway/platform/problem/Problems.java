package org.bridgeway.platform.problem;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses; the status text is the title unless one is given. */
public final class Problems {

    private Problems() {
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String detail) {
        return response(Problem.of(status, title(status), detail));
    }

    public static String title(int status) {
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
