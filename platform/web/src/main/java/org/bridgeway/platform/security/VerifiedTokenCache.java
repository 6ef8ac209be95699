package org.bridgeway.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer tokens this application has verified, each kept until the verifier would start refusing it: its
 * {@code exp}, or {@code iat} + {@code mp.jwt.verify.token.age}, whichever comes first. Asking it costs a hash and
 * a map lookup, so a caller on an event loop may ask it there and leave only a token it does not know (an RSA
 * verification) to a worker thread.
 */
@ApplicationScoped
public class VerifiedTokenCache {

    private final Optional<Long> maxAgeSeconds;
    private final VerifiedTokens<JsonWebToken> verified;

    VerifiedTokenCache(
            @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maxAgeSeconds,
            @ConfigProperty(name = "bridgeway.security.verified-token-cache.size", defaultValue = "4096") int size,
            @ConfigProperty(name = "bridgeway.security.verified-token-cache.hold", defaultValue = "PT5M")
                    Duration hold) {
        this.maxAgeSeconds = maxAgeSeconds;
        this.verified = new VerifiedTokens<>(Clock.systemUTC(), size, hold);
    }

    /** The verified token for this compact form, if it was verified and is still acceptable. */
    public Optional<JsonWebToken> known(String compact) {
        return verified.get(compact);
    }

    /** Keeps a token the verifier just accepted. */
    public void keep(String compact, JsonWebToken token) {
        verified.put(compact, token, refusedFrom(token));
    }

    private Instant refusedFrom(JsonWebToken token) {
        Instant expires = Instant.ofEpochSecond(token.getExpirationTime());
        if (maxAgeSeconds.isPresent() && token.getIssuedAtTime() > 0) {
            Instant tooOld = Instant.ofEpochSecond(token.getIssuedAtTime() + maxAgeSeconds.get());
            return tooOld.isBefore(expires) ? tooOld : expires;
        }
        return expires;
    }
}
