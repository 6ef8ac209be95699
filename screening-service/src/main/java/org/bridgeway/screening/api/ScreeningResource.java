package org.bridgeway.screening.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.bridgeway.platform.idempotency.IdempotencyKeys;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.screening.api.ScreeningDtos.ResponseInput;
import org.bridgeway.screening.api.ScreeningDtos.ReviewInput;
import org.bridgeway.screening.api.ScreeningDtos.ScreeningView;
import org.bridgeway.screening.domain.ScreeningService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/screening")
@Tag(name = "screening: responses and review")
public class ScreeningResource {

    private final ScreeningService screenings;
    private final IdempotencyKeys idempotency;
    private final Caller caller;

    ScreeningResource(ScreeningService screenings, IdempotencyKeys idempotency, Caller caller) {
        this.screenings = screenings;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/boards/{boardId}/screenings")
    @RolesAllowed({Roles.SIS, Roles.ADMIN})
    @Operation(summary = "Submit one survey response: scored, stored, and announced if flagged (201 with the result)")
    @APIResponse(
            responseCode = "201",
            description = "Scored and stored; Location names the screening",
            headers = @Header(name = "Location", schema = @Schema(implementation = String.class)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ScreeningView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid response: out-of-range answer, unknown item, instrument or student")
    @APIResponse(responseCode = "403", description = "Your token does not cover this board")
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still being processed")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used with another body")
    @APIResponse(
            responseCode = "503",
            description = "The database is unreachable for a moment; retry with the same Idempotency-Key")
    public Response submit(
            @PathParam("boardId") String boardId,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @NotNull @Valid ResponseInput input) {
        return idempotency.execute(caller.subject(), idempotencyKey, input, () -> {
            ScreeningView view =
                    ScreeningMapper.view(screenings.submit(caller, boardId, ScreeningMapper.response(input)));
            return Response.created(URI.create("/api/v1/screening/screenings/" + view.id()))
                    .entity(view)
                    .build();
        });
    }

    @GET
    @Path("/boards/{boardId}/screenings")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "List screenings of the board (school staff: their own schools only)")
    public Page<ScreeningView> list(
            @PathParam("boardId") String boardId,
            @QueryParam("schoolId") String schoolId,
            @QueryParam("flagged") Boolean flagged,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return screenings
                .list(caller, boardId, schoolId, flagged, PageRequest.of(page, size))
                .map(ScreeningMapper::view);
    }

    @GET
    @Path("/screenings/{id}")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "One screening with its per-domain result, review and referral status")
    public ScreeningView get(@PathParam("id") UUID id) {
        return ScreeningMapper.view(screenings.get(caller, id));
    }

    @POST
    @Path("/screenings/{id}/review")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.COORDINATOR})
    @Operation(summary = "Validate a flagged screening: confirm with a tier (1-4) or dismiss")
    @APIResponse(
            responseCode = "200",
            description = "Reviewed; the screening with its review",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ScreeningView.class)))
    @APIResponse(responseCode = "400", description = "Invalid review: decision, tier or note")
    @APIResponse(responseCode = "403", description = "Your role or token does not allow reviewing")
    @APIResponse(
            responseCode = "404",
            description = "No such screening, or one of another board or school (ids reveal nothing)")
    @APIResponse(responseCode = "409", description = "Not flagged, or already reviewed")
    public ScreeningView review(@PathParam("id") UUID id, @NotNull @Valid ReviewInput input) {
        return ScreeningMapper.view(screenings.review(caller, id, ScreeningMapper.review(input)));
    }
}
