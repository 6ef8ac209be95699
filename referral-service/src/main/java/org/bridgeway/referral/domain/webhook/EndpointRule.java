package org.bridgeway.referral.domain.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a webhook endpoint may be: an absolute {@code https} URL with a host, no credentials and no fragment.
 * Plain {@code http} only to the local machine, and only where configuration allows it (tests, the devstack).
 */
public final class EndpointRule {

    static final int MAX_LENGTH = 2048;
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final boolean allowLocalhost;

    public EndpointRule(boolean allowLocalhost) {
        this.allowLocalhost = allowLocalhost;
    }

    /** Why the URL is refused, or empty when it is acceptable. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials; authenticate the request by its signature");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        boolean local = LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (scheme.equals("http") && local && allowLocalhost) {
            return Optional.empty();
        }
        return Optional.of(
                allowLocalhost
                        ? "must be https (or http to localhost)"
                        : "must be https: events are sent encrypted only");
    }
}
