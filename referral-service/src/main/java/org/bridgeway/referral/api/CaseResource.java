package org.bridgeway.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.problem.Problem;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.referral.api.CaseDtos.CandidatesView;
import org.bridgeway.referral.api.CaseDtos.CaseView;
import org.bridgeway.referral.api.CaseDtos.ClosureInput;
import org.bridgeway.referral.api.CaseDtos.DispatchInput;
import org.bridgeway.referral.api.CaseDtos.TimelineEntryView;
import org.bridgeway.referral.api.CaseDtos.ValidationInput;
import org.bridgeway.referral.api.ReferralDtos.ReferralView;
import org.bridgeway.referral.domain.CaseCommands.CaseFilter;
import org.bridgeway.referral.domain.CaseService;
import org.bridgeway.referral.domain.DispatchService;
import org.bridgeway.referral.domain.ReferralDetails;
import org.bridgeway.referral.domain.ReferralViews;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/referrals/boards/{boardId}/cases")
@Tag(name = "referrals: cases")
public class CaseResource {

    private final CaseService cases;
    private final DispatchService dispatch;
    private final ReferralViews referrals;
    private final Caller caller;

    CaseResource(CaseService cases, DispatchService dispatch, ReferralViews referrals, Caller caller) {
        this.cases = cases;
        this.dispatch = dispatch;
        this.referrals = referrals;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SCHOOL_STAFF, Roles.ADMIN})
    @Operation(summary = "Cases of a board, newest first; school staff see their schools' cases only")
    @APIResponse(responseCode = "200", description = "One page of cases")
    @APIResponse(
            responseCode = "400",
            description = "Invalid filter or paging parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Your token does not cover this board")
    public Page<CaseView> list(
            @PathParam("boardId") String boardId,
            @QueryParam("status") @Pattern(regexp = "open|validated|referred|closed|dismissed") String status,
            @QueryParam("schoolId") String schoolId,
            @QueryParam("needsAttention") Boolean needsAttention,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return cases.cases(
                        caller, boardId, new CaseFilter(status, schoolId, needsAttention), PageRequest.of(page, size))
                .map(CaseMapper::view);
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SCHOOL_STAFF, Roles.ADMIN})
    @Operation(summary = "One case")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "403", description = "Your token does not cover this board")
    @APIResponse(responseCode = "404", description = "No such case within your reach")
    public CaseView get(@PathParam("boardId") String boardId, @PathParam("caseId") UUID caseId) {
        return CaseMapper.view(cases.get(caller, boardId, caseId));
    }

    @GET
    @Path("/{caseId}/candidates")
    @RolesAllowed({Roles.COORDINATOR, Roles.SCHOOL_STAFF, Roles.ADMIN})
    @Operation(
            summary = "Ranked partner services for the case, each with its score components, and the services "
                    + "excluded with their reasons")
    @APIResponse(responseCode = "200", description = "Candidates best first, and exclusions")
    @APIResponse(responseCode = "403", description = "Your token does not cover this board")
    @APIResponse(responseCode = "404", description = "No such case within your reach")
    public CandidatesView candidates(@PathParam("boardId") String boardId, @PathParam("caseId") UUID caseId) {
        return CaseMapper.view(dispatch.candidates(caller, boardId, caseId));
    }

    @GET
    @Path("/{caseId}/timeline")
    @RolesAllowed({Roles.COORDINATOR, Roles.SCHOOL_STAFF, Roles.ADMIN})
    @Operation(summary = "Every transition of the case and its referrals: who, in which role, when, with which note")
    @APIResponse(responseCode = "200", description = "The timeline, oldest first")
    @APIResponse(responseCode = "403", description = "Your token does not cover this board")
    @APIResponse(responseCode = "404", description = "No such case within your reach")
    public List<TimelineEntryView> timeline(@PathParam("boardId") String boardId, @PathParam("caseId") UUID caseId) {
        return cases.timeline(caller, boardId, caseId).stream()
                .map(CaseMapper::view)
                .toList();
    }

    @GET
    @Path("/{caseId}/referrals")
    @RolesAllowed({Roles.COORDINATOR, Roles.SCHOOL_STAFF, Roles.ADMIN})
    @Operation(summary = "The case's referrals, oldest first")
    @APIResponse(responseCode = "200", description = "The referrals")
    @APIResponse(responseCode = "403", description = "Your token does not cover this board")
    @APIResponse(responseCode = "404", description = "No such case within your reach")
    public List<ReferralView> caseReferrals(@PathParam("boardId") String boardId, @PathParam("caseId") UUID caseId) {
        return referrals.ofCase(caller, boardId, caseId).stream()
                .map(ReferralMapper::view)
                .toList();
    }

    @POST
    @Path("/{caseId}/validation")
    @RolesAllowed({Roles.COORDINATOR, Roles.SCHOOL_STAFF, Roles.ADMIN})
    @Operation(
            summary = "Confirm the case with a tier (0-1 close it without a referral; 2-4 validate it and, on a board "
                    + "with dispatch auto, refer it) or dismiss it")
    @APIResponse(responseCode = "200", description = "The case after validation")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Your token does not cover this board")
    @APIResponse(responseCode = "404", description = "No such case within your reach")
    @APIResponse(responseCode = "409", description = "The case is not open any more")
    public CaseView validate(
            @PathParam("boardId") String boardId,
            @PathParam("caseId") UUID caseId,
            @NotNull @Valid ValidationInput input) {
        return CaseMapper.view(cases.validate(caller, boardId, caseId, CaseMapper.command(input)));
    }

    @POST
    @Path("/{caseId}/referrals")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Refer the case to a chosen candidate service, or to the best one when serviceId is left out")
    @APIResponse(
            responseCode = "201",
            description = "The referral, requested",
            headers = {
                @Header(
                        name = "Location",
                        description = "The new referral",
                        schema = @Schema(implementation = String.class)),
                @Header(name = "ETag", schema = @Schema(implementation = String.class))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "The service is not a candidate for this case")
    @APIResponse(responseCode = "403", description = "Only the board's coordinators refer")
    @APIResponse(responseCode = "404", description = "No such case within your reach")
    @APIResponse(
            responseCode = "409",
            description = "The case is finished, needs validation first, or has no candidate left")
    public Response refer(
            @PathParam("boardId") String boardId, @PathParam("caseId") UUID caseId, @Valid DispatchInput input) {
        ReferralDetails referral = dispatch.dispatch(caller, boardId, caseId, CaseMapper.command(input));
        return Response.created(URI.create("/api/v1/referrals/referrals/" + referral.id()))
                .tag(ETags.of(referral.version()))
                .entity(ReferralMapper.view(referral))
                .build();
    }

    @POST
    @Path("/{caseId}/closure")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Close a case whose referrals are all finished, with its outcome; announced as CaseClosed")
    @APIResponse(responseCode = "200", description = "The closed case")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Only the board's coordinators close cases")
    @APIResponse(responseCode = "404", description = "No such case within your reach")
    @APIResponse(responseCode = "409", description = "The case is already finished or still has live referrals")
    public CaseView close(
            @PathParam("boardId") String boardId,
            @PathParam("caseId") UUID caseId,
            @NotNull @Valid ClosureInput input) {
        return CaseMapper.view(cases.close(caller, boardId, caseId, CaseMapper.command(input)));
    }
}
