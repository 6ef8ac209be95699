package org.bridgeway.platform.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each distinct bearer token once for its lifetime instead of on every request (the gateway
 * and each service both check it). Only successful verifications are kept, so a bad signature,
 * issuer or audience is refused every time; a kept token is dropped at its {@code exp} or when it
 * becomes older than {@code mp.jwt.verify.token.age}, exactly when the verifier would start refusing it.
 */
@Decorator
@Priority(10)
public abstract class CachingJwtParser implements JWTParser {

    private final JWTParser delegate;
    private final Optional<Long> maxAgeSeconds;
    private final VerifiedTokens<JsonWebToken> verified;

    @Inject
    CachingJwtParser(
            @Delegate @Any JWTParser delegate,
            @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maxAgeSeconds,
            @ConfigProperty(name = "bridgeway.security.verified-token-cache.size", defaultValue = "4096") int size,
            @ConfigProperty(name = "bridgeway.security.verified-token-cache.hold", defaultValue = "PT5M")
                    Duration hold) {
        this.delegate = delegate;
        this.maxAgeSeconds = maxAgeSeconds;
        this.verified = new VerifiedTokens<>(Clock.systemUTC(), size, hold);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Optional<JsonWebToken> known = verified.get(token);
        if (known.isPresent()) {
            return known.get();
        }
        JsonWebToken fresh = delegate.parse(token);
        verified.put(token, fresh, refusedFrom(fresh));
        return fresh;
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
