package org.bridgeway.partner.domain;

import java.util.Objects;
import java.util.UUID;
import org.bridgeway.partner.domain.AgreementModel.AgreementQuery;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;

/**
 * The one place partner-service decides who reaches what beyond the role check of an endpoint:
 * confidential addresses, a partner's own capacity, and whose agreements a caller sees.
 */
public final class DirectoryAccess {

    private DirectoryAccess() {}

    /** Only admins see the street, postal code and coordinates of a confidential location. */
    public static boolean seesConfidentialAddresses(Caller caller) {
        return caller.is(Roles.ADMIN);
    }

    /** Admins change any capacity; a partner only its own organization's services. */
    public static void requireCapacityWriter(Caller caller, UUID organizationId) {
        if (caller.is(Roles.ADMIN)) {
            return;
        }
        if (!organizationId.equals(ownOrganization(caller))) {
            throw ApiException.forbidden("Only the organization that runs this service may change its capacity.");
        }
    }

    /**
     * Narrows a listing to what the caller may see: a coordinator its board's agreements, a partner its own
     * organization's; asking for another board or organization is refused rather than silently emptied.
     */
    public static AgreementQuery scope(Caller caller, AgreementQuery query) {
        if (caller.is(Roles.ADMIN)) {
            return query;
        }
        if (caller.is(Roles.COORDINATOR) && caller.board() != null) {
            if (query.boardId() != null && !query.boardId().equals(caller.board())) {
                throw ApiException.forbidden("Your token does not cover board " + query.boardId() + ".");
            }
            return new AgreementQuery(caller.board(), query.organizationId(), query.inForceOn(), query.status());
        }
        UUID own = ownOrganization(caller);
        if (own != null) {
            if (query.organizationId() != null && !query.organizationId().equals(own)) {
                throw ApiException.forbidden("A partner sees only its own organization's agreements.");
            }
            return new AgreementQuery(query.boardId(), own, query.inForceOn(), query.status());
        }
        throw ApiException.forbidden("Your role does not see data-sharing agreements.");
    }

    /** Whether the caller may see this agreement; callers who may not are told it does not exist. */
    public static boolean sees(Caller caller, UUID organizationId, String boardId) {
        if (caller.is(Roles.ADMIN)) {
            return true;
        }
        if (caller.is(Roles.COORDINATOR) && Objects.equals(caller.board(), boardId)) {
            return true;
        }
        return organizationId.equals(ownOrganization(caller));
    }

    private static UUID ownOrganization(Caller caller) {
        if (!caller.is(Roles.PARTNER) || caller.organization() == null) {
            return null;
        }
        try {
            return UUID.fromString(caller.organization());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
