package org.bridgeway.platform.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each distinct bearer token once for its lifetime instead of on every request (the gateway
 * and each service both check it). Only successful verifications are kept ({@link VerifiedTokenCache}), so a
 * bad signature, issuer or audience is refused every time, and a kept token is dropped exactly when the verifier
 * would start refusing it.
 */
@Decorator
@Priority(10)
public abstract class CachingJwtParser implements JWTParser {

    private final JWTParser delegate;
    private final VerifiedTokenCache verified;

    @Inject
    CachingJwtParser(@Delegate @Any JWTParser delegate, VerifiedTokenCache verified) {
        this.delegate = delegate;
        this.verified = verified;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Optional<JsonWebToken> known = verified.known(token);
        if (known.isPresent()) {
            return known.get();
        }
        JsonWebToken fresh = delegate.parse(token);
        verified.keep(token, fresh);
        return fresh;
    }
}
