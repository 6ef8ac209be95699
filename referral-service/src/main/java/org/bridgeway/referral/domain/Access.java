package org.bridgeway.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.referral.domain.lifecycle.Side;
import org.bridgeway.referral.store.Referral;
import org.bridgeway.referral.store.ReferralCase;

/**
 * The one scope helper of referral-service. The requester side is the board's coordinators (and
 * admins) and the school staff of the student's school; the performer side is the partner
 * organization a referral is addressed to. Whatever a caller may not reach is answered as absent (404),
 * so another organization's referrals are not even confirmed to exist.
 */
@ApplicationScoped
public class Access {

    /** Coordinators and admins act on the whole board. */
    public void requireBoardWide(Caller caller, String boardId) {
        caller.requireBoard(boardId);
        if (!caller.is(Roles.COORDINATOR) && !caller.is(Roles.ADMIN)) {
            throw ApiException.forbidden("Only a coordinator of board " + boardId + " may do this.");
        }
    }

    /** Board-wide roles see the board's cases; school staff only their schools' cases. */
    public ReferralCase reachableCase(Caller caller, String boardId, ReferralCase found) {
        caller.requireBoard(boardId);
        if (found == null || !found.boardId.equals(boardId) || !requester(caller, found.boardId, found.schoolId)) {
            throw ApiException.notFound("No case " + (found == null ? "" : found.id) + " here.");
        }
        return found;
    }

    /** The side the caller takes on this referral, or 404 when it may not see it at all. */
    public Side sideOn(Caller caller, Referral referral, UUID referralId) {
        return side(caller, referral).orElseThrow(() -> ApiException.notFound("No referral " + referralId + "."));
    }

    public Optional<Side> side(Caller caller, Referral referral) {
        if (referral == null) {
            return Optional.empty();
        }
        if (caller.is(Roles.PARTNER)) {
            String org = caller.organization();
            return org != null && org.equals(referral.organizationId.toString())
                    ? Optional.of(Side.PERFORMER)
                    : Optional.empty();
        }
        return requester(caller, referral.boardId, referral.schoolId) ? Optional.of(Side.REQUESTER) : Optional.empty();
    }

    /** What a listing across referrals covers: {@code null} fields are not restricted. */
    public record ListingScope(String boardId, Set<String> schoolIds, UUID organizationId) {}

    /**
     * The referrals a listing may show this caller, narrowed to {@code organization} when one is asked for:
     * a partner only its own organization's (asking for another is 403), a coordinator its board's, school
     * staff their schools', an admin every board's.
     */
    public ListingScope listingScope(Caller caller, UUID organization) {
        if (caller.is(Roles.PARTNER)) {
            UUID own = partnerOrganization(caller);
            if (organization != null && !organization.equals(own)) {
                throw ApiException.forbidden("Your token covers organization " + own + " only.");
            }
            return new ListingScope(null, null, own);
        }
        if (caller.is(Roles.ADMIN)) {
            return new ListingScope(null, null, organization);
        }
        if (caller.board() == null) {
            throw ApiException.forbidden("Your token names no board.");
        }
        if (caller.is(Roles.COORDINATOR)) {
            return new ListingScope(caller.board(), null, organization);
        }
        if (caller.is(Roles.SCHOOL_STAFF)) {
            return new ListingScope(caller.board(), Set.copyOf(caller.schools()), organization);
        }
        throw ApiException.forbidden("Your role does not see referrals.");
    }

    /**
     * The student as this caller may know them. The requester side (the board's own staff) gets the board's
     * studentRef; a partner an alias of its own, SHA-256 of its organization id and the studentRef: stable over
     * its referrals, useless for linking with the board's or another organization's records.
     */
    public String studentPseudonym(Caller caller, Referral referral) {
        if (side(caller, referral).orElse(null) == Side.REQUESTER) {
            return referral.studentRef;
        }
        return partnerAlias(referral.organizationId, referral.studentRef);
    }

    /**
     * How a partner organization knows a student: stable across its referrals, different for every organization,
     * and not the board's studentRef (which partners never see), in the FHIR view and in its webhooks alike.
     */
    public static String partnerAlias(UUID organizationId, String studentRef) {
        try {
            byte[] alias = MessageDigest.getInstance("SHA-256")
                    .digest((organizationId + ":" + studentRef).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(alias);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The partner organization in the caller's token. */
    public UUID partnerOrganization(Caller caller) {
        try {
            return UUID.fromString(caller.organization());
        } catch (RuntimeException e) {
            throw ApiException.forbidden("Your token names no partner organization.");
        }
    }

    /**
     * Whose webhook subscriptions the caller manages: a partner its own organization's, a coordinator those of
     * its board's partner organizations (an agreement with the board), an admin every organization's.
     */
    public WebhookReach webhookReach(Caller caller) {
        if (caller.is(Roles.PARTNER)) {
            return new WebhookReach(partnerOrganization(caller), null);
        }
        if (caller.is(Roles.ADMIN)) {
            return new WebhookReach(null, null);
        }
        if (caller.is(Roles.COORDINATOR) && caller.board() != null) {
            return new WebhookReach(null, caller.board());
        }
        throw ApiException.forbidden("Only partner organizations, coordinators and admins manage webhooks.");
    }

    /** {@code organization} set: a partner; {@code board} set: a coordinator of that board; neither: an admin. */
    public record WebhookReach(UUID organization, String board) {

        /** Whether the reach covers the organization; {@code partnersWithBoard} asks the agreements read model. */
        public boolean covers(UUID org, BiPredicate<UUID, String> partnersWithBoard) {
            if (organization != null) {
                return organization.equals(org);
            }
            return board == null || partnersWithBoard.test(org, board);
        }

        /** The organization a new subscription is for: a partner's own, else the one named (required). */
        public UUID organizationFor(UUID requested, BiPredicate<UUID, String> partnersWithBoard) {
            if (organization != null) {
                if (requested != null && !requested.equals(organization)) {
                    throw ApiException.forbidden("A partner registers webhooks for its own organization only.");
                }
                return organization;
            }
            if (requested == null) {
                throw ApiException.invalidField(
                        "organizationId", "is required unless you call as the partner organization");
            }
            if (!covers(requested, partnersWithBoard)) {
                throw ApiException.forbidden("Organization " + requested + " has no agreement with your board.");
            }
            return requested;
        }
    }

    private static boolean requester(Caller caller, String boardId, String schoolId) {
        if (caller.is(Roles.COORDINATOR) || caller.is(Roles.ADMIN)) {
            return caller.reachesSchool(boardId, schoolId);
        }
        return caller.is(Roles.SCHOOL_STAFF) && caller.reachesSchool(boardId, schoolId);
    }
}
