package org.bridgeway.screening.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.screening.domain.InstrumentCatalog;
import org.bridgeway.screening.domain.InstrumentCatalog.Summary;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/screening/instruments")
@Tag(name = "screening: instruments")
public class InstrumentResource {

    private final InstrumentCatalog catalog;
    private final Caller caller;

    InstrumentResource(InstrumentCatalog catalog, Caller caller) {
        this.catalog = catalog;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(summary = "All instrument versions")
    public List<Summary> list() {
        return catalog.list();
    }

    @GET
    @Path("/{key}/versions/{version}")
    @Authenticated
    @Operation(summary = "One instrument version's definition")
    public InstrumentDefinition get(@PathParam("key") String key, @PathParam("version") int version) {
        return catalog.find(key, version)
                .orElseThrow(() -> ApiException.notFound("No instrument " + key + " v" + version + "."));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a new instrument version (validated; 409 if the version exists)")
    public Response create(@NotNull InstrumentDefinition definition) {
        Summary created = catalog.create(definition, caller.subject());
        return Response.created(
                        URI.create("/api/v1/screening/instruments/" + created.key() + "/versions/" + created.version()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("/{key}/versions/{version}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a version no response has used yet (409 once in use)")
    public Summary replace(
            @PathParam("key") String key, @PathParam("version") int version, @NotNull InstrumentDefinition definition) {
        return catalog.replace(key, version, definition, caller.subject());
    }
}
