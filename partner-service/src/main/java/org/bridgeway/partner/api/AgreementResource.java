package org.bridgeway.partner.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.partner.api.AgreementDtos.AgreementChangeInput;
import org.bridgeway.partner.api.AgreementDtos.AgreementInput;
import org.bridgeway.partner.api.AgreementDtos.AgreementView;
import org.bridgeway.partner.domain.AgreementModel.AgreementDetails;
import org.bridgeway.partner.domain.AgreementModel.AgreementQuery;
import org.bridgeway.partner.domain.AgreementRegistry;
import org.bridgeway.platform.idempotency.IdempotencyKeys;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/partners/agreements")
@Tag(name = "partners: data-sharing agreements")
public class AgreementResource {

    private static final String JSON = "application/json";

    private final AgreementRegistry agreements;
    private final IdempotencyKeys idempotency;
    private final Caller caller;

    AgreementResource(AgreementRegistry agreements, IdempotencyKeys idempotency, Caller caller) {
        this.agreements = agreements;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary =
                    "Record a data-sharing agreement between an organization and a board; announced as AgreementChanged")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = {
                @Header(name = "Location", schema = @Schema(implementation = String.class)),
                @Header(name = "ETag", schema = @Schema(implementation = String.class))
            },
            content = @Content(mediaType = JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (unknown organization, scopes, dates)")
    @APIResponse(responseCode = "403", description = "Only admins record agreements")
    @APIResponse(
            responseCode = "409",
            description = "An active agreement of the same organization and board overlaps these dates")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used with another body")
    public Response create(
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @NotNull @Valid AgreementInput input) {
        return idempotency.execute(caller.subject(), idempotencyKey, input, () -> {
            AgreementDetails created = agreements.create(AgreementMapper.command(input));
            return Response.created(URI.create("/api/v1/partners/agreements/" + created.id()))
                    .tag(ETags.of(created.version()))
                    .entity(AgreementMapper.view(created))
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.PARTNER})
    @Operation(
            summary =
                    "Agreements: a coordinator sees its board's, a partner its own; inForceOn keeps those in force that day")
    @APIResponse(responseCode = "200", description = "One page of agreements")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging parameter")
    @APIResponse(
            responseCode = "403",
            description = "Another board or organization than your token's, or a role that sees no agreements")
    public Page<AgreementView> list(
            @QueryParam("board") String board,
            @Parameter(description = "organization id") @QueryParam("org") String org,
            @Parameter(description = "YYYY-MM-DD: only agreements active and valid on that day")
                    @QueryParam("inForceOn")
                    String inForceOn,
            @QueryParam("status") String status,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        AgreementQuery query = new AgreementQuery(
                QueryParams.text("board", board, 64),
                organization(org),
                QueryParams.date("inForceOn", inForceOn),
                QueryParams.oneOf("status", status, Set.of("draft", "active", "suspended", "ended")));
        return agreements.list(caller, query, PageRequest.of(page, size)).map(AgreementMapper::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.PARTNER})
    @Operation(summary = "One agreement, if it is your board's or your organization's")
    @APIResponse(
            responseCode = "200",
            description = "The agreement",
            headers = @Header(name = "ETag", schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "403", description = "A role that sees no agreements")
    @APIResponse(responseCode = "404", description = "No such agreement that you may see")
    public Response get(@PathParam("id") UUID id) {
        AgreementDetails agreement = agreements.get(caller, id);
        return Response.ok(AgreementMapper.view(agreement))
                .tag(ETags.of(agreement.version()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary =
                    "Change an agreement's scopes, dates or status; announced as AgreementChanged. If-Match is honoured when sent")
    @APIResponse(
            responseCode = "200",
            description = "The changed agreement",
            headers = @Header(name = "ETag", schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Only admins change agreements")
    @APIResponse(responseCode = "404", description = "No such agreement")
    @APIResponse(responseCode = "409", description = "Activating it would overlap another active agreement of the pair")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response update(
            @PathParam("id") UUID id,
            @Parameter(description = "the ETag read") @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @NotNull @Valid AgreementChangeInput input) {
        AgreementDetails agreement = agreements.update(id, ETags.optional(ifMatch), AgreementMapper.change(input));
        return Response.ok(AgreementMapper.view(agreement))
                .tag(ETags.of(agreement.version()))
                .build();
    }

    private static UUID organization(String org) {
        if (org == null || org.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(org.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("org", "must be an organization id (UUID)");
        }
    }
}
