package org.bridgeway.partner.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.bridgeway.partner.api.DirectoryDtos.OrganizationInput;
import org.bridgeway.partner.api.DirectoryDtos.OrganizationView;
import org.bridgeway.partner.api.DirectoryDtos.ServiceInput;
import org.bridgeway.partner.api.DirectoryDtos.ServiceView;
import org.bridgeway.partner.domain.DirectoryService;
import org.bridgeway.platform.api.Page;
import org.bridgeway.platform.api.PageRequest;
import org.bridgeway.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/partners")
@Tag(name = "partners: directory")
public class DirectoryResource {

    private final DirectoryService directory;

    DirectoryResource(DirectoryService directory) {
        this.directory = directory;
    }

    @POST
    @Path("/organizations")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a partner organization")
    public Response createOrganization(@NotNull @Valid OrganizationInput input) {
        OrganizationView created = directory.createOrganization(input);
        return Response.created(URI.create("/api/v1/partners/organizations/" + created.id())).entity(created).build();
    }

    @POST
    @Path("/services")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a service; announced as ServiceUpserted")
    public Response createService(@NotNull @Valid ServiceInput input) {
        ServiceView created = directory.createService(input);
        return Response.created(URI.create("/api/v1/partners/services/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/services")
    @Authenticated
    @Operation(summary = "Search services by need, paged")
    public Page<ServiceView> services(@QueryParam("need") String need, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return directory.services(need, PageRequest.of(page, size));
    }
}
