package org.bridgeway.gateway.security;

import io.quarkus.logging.Log;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.bridgeway.platform.problem.Problems;
import org.bridgeway.platform.security.TokenShape;
import org.bridgeway.platform.security.VerifiedTokenCache;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer token checked at the edge: signature, issuer, audience and age (smallrye-jwt, from
 * {@code mp.jwt.verify.*}), then the shape of the claims the services decide on. Anything else is a
 * 401 problem+json and the request never reaches a service.
 */
@ApplicationScoped
public class EdgeAuthentication {

    /** Routing-context key of the verified subject, for the per-client rate limit. */
    public static final String SUBJECT = "bridgeway.subject";
    /** A JWT is three base64url parts; anything longer than this is not a token we issue or accept. */
    private static final int MAX_TOKEN_LENGTH = 8192;

    private final JWTParser jwt;
    private final VerifiedTokenCache verified;

    EdgeAuthentication(JWTParser jwt, VerifiedTokenCache verified) {
        this.jwt = jwt;
        this.verified = verified;
    }

    public void authenticate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            unauthorized(ctx, "A bearer token is required.");
            return;
        }
        String token = header.substring(7).trim();
        if (token.length() > MAX_TOKEN_LENGTH) {
            unauthorized(ctx, "The bearer token is invalid or expired.");
            return;
        }
        Optional<JsonWebToken> known = verified.known(token);
        if (known.isPresent()) {
            // the client's token of its previous request: no worker thread, no hop off and back onto the event loop
            admit(ctx, known.get());
            return;
        }
        ctx.vertx().<JsonWebToken>executeBlocking(() -> jwt.parse(token), false).onComplete(result -> {
            if (result.failed()) {
                Throwable cause = result.cause();
                if (!(cause instanceof ParseException)) {
                    Log.warnf("token check failed: %s", cause.toString());
                }
                unauthorized(ctx, "The bearer token is invalid or expired.");
                return;
            }
            admit(ctx, result.result());
        });
    }

    private static void admit(RoutingContext ctx, JsonWebToken verified) {
        var shapeProblem = TokenShape.problem(verified::getClaim);
        if (shapeProblem.isPresent()) {
            unauthorized(ctx, "The bearer token cannot be used: " + shapeProblem.get() + ".");
            return;
        }
        ctx.put(SUBJECT, verified.getSubject());
        ctx.next();
    }

    private static void unauthorized(RoutingContext ctx, String detail) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        Problems.send(ctx, 401, detail);
    }
}
