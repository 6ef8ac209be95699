package org.bridgeway.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.referral.api.ReferralDtos.ReferralView;
import org.bridgeway.referral.api.ReferralDtos.StudentIdentityView;
import org.bridgeway.referral.api.ReferralDtos.TransitionInput;
import org.bridgeway.referral.domain.DisclosedIdentity;
import org.bridgeway.referral.domain.IdentityService;
import org.bridgeway.referral.domain.ReferralDetails;
import org.bridgeway.referral.domain.ReferralService;
import org.bridgeway.referral.domain.ReferralViews;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/referrals")
@Tag(name = "referrals: referrals")
public class ReferralResource {

    private static final String STATUSES =
            "requested|accepted|in-progress|on-hold|completed|rejected|cancelled|failed|expired";

    private final ReferralViews views;
    private final ReferralService referrals;
    private final IdentityService identities;
    private final Caller caller;

    ReferralResource(ReferralViews views, ReferralService referrals, IdentityService identities, Caller caller) {
        this.views = views;
        this.referrals = referrals;
        this.identities = identities;
        this.caller = caller;
    }

    @GET
    @Path("/inbox")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "The partner organization's inbox: only referrals addressed to it, newest first")
    @APIResponse(responseCode = "200", description = "One page of referrals")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging parameter")
    @APIResponse(responseCode = "403", description = "Your token names no partner organization")
    public Page<ReferralView> inbox(
            @QueryParam("status") @Pattern(regexp = STATUSES) String status,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return views.inbox(caller, new ReferralViews.Filter(status, null, null, overdue), PageRequest.of(page, size))
                .map(ReferralMapper::view);
    }

    @GET
    @Path("/referrals/{referralId}")
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR, Roles.SCHOOL_STAFF, Roles.ADMIN})
    @Operation(
            summary = "One referral with the screening summary and the transitions your side may make; its ETag "
                    + "goes into If-Match of a transition")
    @APIResponse(
            responseCode = "200",
            description = "The referral",
            headers = @Header(name = "ETag", schema = @Schema(implementation = String.class)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such referral addressed to you or within your reach")
    public Response get(@PathParam("referralId") UUID referralId) {
        ReferralDetails referral = views.get(caller, referralId);
        return Response.ok(ReferralMapper.view(referral))
                .tag(ETags.of(referral.version()))
                .build();
    }

    @POST
    @Path("/referrals/{referralId}/transitions")
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR, Roles.SCHOOL_STAFF, Roles.ADMIN})
    @Operation(
            summary =
                    "Move the referral: the partner accepts, rejects (with a reason), starts, holds, completes (with an "
                            + "outcome) or fails it; the requester cancels it. Needs If-Match; a rejection re-routes the case")
    @APIResponse(
            responseCode = "200",
            description = "The referral after the transition",
            headers = @Header(name = "ETag", schema = @Schema(implementation = String.class)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields: a rejection without a reason, a completion without an outcome")
    @APIResponse(responseCode = "404", description = "No such referral addressed to you or within your reach")
    @APIResponse(
            responseCode = "409",
            description = "Your side may not make this transition now; the allowed ones are listed")
    @APIResponse(responseCode = "412", description = "The referral changed since you read it: read it again")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response transition(
            @PathParam("referralId") UUID referralId,
            @Parameter(in = ParameterIn.HEADER, name = ETags.IF_MATCH, description = "The ETag you read")
                    @HeaderParam(ETags.IF_MATCH)
                    String ifMatch,
            @NotNull @Valid TransitionInput input) {
        ReferralDetails moved =
                referrals.transition(caller, referralId, ReferralMapper.command(input), ETags.version(ifMatch));
        return Response.ok(ReferralMapper.view(moved))
                .tag(ETags.of(moved.version()))
                .build();
    }

    @GET
    @Path("/referrals/{referralId}/student")
    @RolesAllowed(Roles.PARTNER)
    @Operation(
            summary =
                    "The student's identity, for the partner a live referral is addressed to, only with the student's "
                            + "consent granted and an agreement in force covering identity; disclosed and audited by screening-service")
    @APIResponse(responseCode = "200", description = "The identity (never stored by referral-service)")
    @APIResponse(
            responseCode = "403",
            description = "No consent, no identity-scope agreement, or the referral is finished")
    @APIResponse(responseCode = "404", description = "No such referral addressed to you")
    @APIResponse(responseCode = "503", description = "screening-service cannot be reached now")
    public StudentIdentityView student(@PathParam("referralId") UUID referralId) {
        DisclosedIdentity i = identities.student(caller, referralId);
        return new StudentIdentityView(
                i.studentRef(),
                i.sisStudentId(),
                i.givenName(),
                i.familyName(),
                i.dateOfBirth(),
                i.schoolId(),
                i.grade());
    }
}
