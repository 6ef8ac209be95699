package org.bridgeway.platform.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An {@code Accept} header that is not a list of media ranges is the caller's mistake: refused here,
 * before resource matching, as a 400 naming the header. Left to content negotiation it fails deep in the
 * runtime and would surface as a 500 (seen by the fuzz test with {@code éé}, {@code ""} and {@code %00}).
 */
public class AcceptHeaderGuard {

    @ServerRequestFilter(preMatching = true)
    public void checkAccept(ContainerRequestContext request) {
        List<String> values = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (values == null) {
            return;
        }
        for (String value : values) {
            if (!isMediaRangeList(value)) {
                throw ApiException.badRequest(
                        "The Accept header is not a list of media types.",
                        List.of(new Problem.FieldError(
                                HttpHeaders.ACCEPT, "must be a list of media types, e.g. application/json")));
            }
        }
    }

    static boolean isMediaRangeList(String value) {
        if (value == null || HostileText.hasControlCharacter(value)) {
            return false;
        }
        for (String range : value.split(",")) {
            String trimmed = range.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int parameters = trimmed.indexOf(';');
            String type = (parameters < 0 ? trimmed : trimmed.substring(0, parameters)).trim();
            if (type.equals("*")) {
                continue; // what java.net.HttpURLConnection sends; the runtime reads it as */*
            }
            String[] parts = type.split("/", -1);
            if (parts.length != 2 || !isToken(parts[0]) || !isToken(parts[1])) {
                return false;
            }
            try {
                MediaType.valueOf(trimmed);
            } catch (RuntimeException unparseable) {
                return false;
            }
        }
        return true;
    }

    /** RFC 9110 token characters, which is what a media type's type and subtype are made of. */
    private static boolean isToken(String part) {
        if (part == null || part.isEmpty()) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean token = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                return false;
            }
        }
        return true;
    }
}
