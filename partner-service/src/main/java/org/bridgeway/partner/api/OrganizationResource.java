package org.bridgeway.partner.api;

import io.quarkus.security.Authenticated;
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
import java.util.UUID;
import org.bridgeway.partner.api.OrganizationDtos.OrganizationInput;
import org.bridgeway.partner.api.OrganizationDtos.OrganizationView;
import org.bridgeway.partner.domain.OrganizationDirectory;
import org.bridgeway.partner.domain.OrganizationModel.OrganizationDetails;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/partners/organizations")
@Tag(name = "partners: organizations")
public class OrganizationResource {

    private final OrganizationDirectory organizations;
    private final IdempotencyKeys idempotency;
    private final Caller caller;

    OrganizationResource(OrganizationDirectory organizations, IdempotencyKeys idempotency, Caller caller) {
        this.organizations = organizations;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a partner organization (optionally keeping the id it has in another directory)")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = @Header(name = "Location", schema = @Schema(implementation = String.class)),
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Only admins edit the directory")
    @APIResponse(responseCode = "409", description = "An organization with this id exists")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used with another body")
    public Response create(
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @NotNull @Valid OrganizationInput input) {
        return idempotency.execute(caller.subject(), idempotencyKey, input, () -> {
            OrganizationDetails created = organizations.create(OrganizationMapper.command(input.id(), input));
            return Response.created(URI.create("/api/v1/partners/organizations/" + created.id()))
                    .entity(OrganizationMapper.view(created))
                    .build();
        });
    }

    @GET
    @Authenticated
    @Operation(summary = "Organizations with their services, by name, paged")
    @APIResponse(responseCode = "200", description = "One page of organizations")
    @APIResponse(responseCode = "400", description = "Invalid paging parameter")
    public Page<OrganizationView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return organizations.list(caller, null, PageRequest.of(page, size)).map(OrganizationMapper::view);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One organization with its services")
    @APIResponse(responseCode = "200", description = "The organization")
    @APIResponse(responseCode = "404", description = "No such organization")
    public OrganizationView get(@PathParam("id") UUID id) {
        return OrganizationMapper.view(organizations.get(caller, id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change an organization; a rename re-announces each of its services as ServiceUpserted")
    @APIResponse(responseCode = "200", description = "The changed organization")
    @APIResponse(responseCode = "400", description = "Invalid fields, or an id in the body that is not the path's")
    @APIResponse(responseCode = "403", description = "Only admins edit the directory")
    @APIResponse(responseCode = "404", description = "No such organization")
    public OrganizationView update(@PathParam("id") UUID id, @NotNull @Valid OrganizationInput input) {
        if (input.id() != null && !input.id().equals(id)) {
            throw ApiException.invalidField("id", "must be the id in the path, or left out");
        }
        return OrganizationMapper.view(organizations.update(caller, id, OrganizationMapper.command(id, input)));
    }
}
