package org.bridgeway.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Decides once, before any resource runs, that a bearer token is usable: verified (signature,
 * issuer, audience, age) and with claims of the shapes {@link Caller} reads. A token that is not is
 * a 401 here, never a ClassCastException or a NULL subject deep in a use case.
 */
public class TokenShapeFilter {

    private final CurrentIdentityAssociation identities;

    TokenShapeFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public Uni<Void> requireUsableToken(ContainerRequestContext request) {
        if (request.getHeaderString("Authorization") == null) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.getPrincipal() instanceof JsonWebToken token) {
                TokenShape.problem(token::getClaim).ifPresent(why -> {
                    throw new AuthenticationFailedException("unusable token: " + why);
                });
            }
            return null;
        });
    }
}
