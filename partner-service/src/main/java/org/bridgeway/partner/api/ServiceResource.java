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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.partner.api.ServiceDtos.CapacityInput;
import org.bridgeway.partner.api.ServiceDtos.CapacityView;
import org.bridgeway.partner.api.ServiceDtos.ServiceInput;
import org.bridgeway.partner.api.ServiceDtos.ServiceView;
import org.bridgeway.partner.domain.CapacityUpdates;
import org.bridgeway.partner.domain.ServiceDirectory;
import org.bridgeway.partner.domain.ServiceModel.Capacity;
import org.bridgeway.partner.domain.ServiceModel.SearchCriteria;
import org.bridgeway.partner.domain.ServiceModel.ServiceDetails;
import org.bridgeway.partner.domain.ServiceSearch;
import org.bridgeway.platform.idempotency.IdempotencyKeys;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/partners/services")
@Tag(name = "partners: services and capacity")
public class ServiceResource {

    private static final String JSON = "application/json";

    private final ServiceDirectory directory;
    private final CapacityUpdates capacities;
    private final ServiceSearch search;
    private final IdempotencyKeys idempotency;
    private final Caller caller;

    ServiceResource(
            ServiceDirectory directory,
            CapacityUpdates capacities,
            ServiceSearch search,
            IdempotencyKeys idempotency,
            Caller caller) {
        this.directory = directory;
        this.idempotency = idempotency;
        this.search = search;
        this.capacities = capacities;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a service to the directory; announced as ServiceUpserted")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = {
                @Header(
                        name = "Location",
                        description = "The new service",
                        schema = @Schema(implementation = String.class)),
                @Header(name = "ETag", schema = @Schema(implementation = String.class))
            },
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ServiceView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields (unknown organization or need code, bounds, languages)")
    @APIResponse(responseCode = "403", description = "Only admins edit the directory")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used with another body")
    public Response create(
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @NotNull @Valid ServiceInput input) {
        return idempotency.execute(caller.subject(), idempotencyKey, input, () -> {
            ServiceDetails created = directory.create(caller, ServiceMapper.command(input));
            return Response.created(URI.create("/api/v1/partners/services/" + created.id()))
                    .tag(ETags.of(created.version()))
                    .entity(ServiceMapper.view(created))
                    .build();
        });
    }

    @GET
    @Authenticated
    @Operation(summary = "Search services: needs covered first, then open capacity, then name; paged with totals")
    @APIResponse(responseCode = "200", description = "One page of matching services")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging parameter")
    public Page<ServiceView> search(
            @Parameter(description = "need code; repeat for several") @QueryParam("need") List<String> needs,
            @Parameter(description = "any (default): a service covering one of the needs; all: every need")
                    @QueryParam("needMatch")
                    String needMatch,
            @Parameter(description = "school id or region code the service must serve; repeat for any of several")
                    @QueryParam("area")
                    List<String> areas,
            @Parameter(description = "student age; within the service's bounds, inclusive") @QueryParam("age")
                    String age,
            @Parameter(description = "student grade (0-12); within the service's bounds, inclusive")
                    @QueryParam("grade")
                    String grade,
            @Parameter(description = "ISO 639-1 code; repeat for any of several") @QueryParam("language")
                    List<String> languages,
            @Parameter(description = "true: only services with available places") @QueryParam("withCapacity")
                    String withCapacity,
            @Parameter(description = "active, inactive or temporarily-closed") @QueryParam("status") String status,
            @Parameter(description = "free text in name or description") @QueryParam("q") String text,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        SearchCriteria criteria = new SearchCriteria(
                QueryParams.values("need", needs, 20, 40),
                "all".equals(QueryParams.oneOf("needMatch", needMatch, Set.of("any", "all"))),
                QueryParams.values("area", areas, 50, 64),
                QueryParams.integer("age", age, 0, 30),
                QueryParams.integer("grade", grade, 0, 12),
                QueryParams.values("language", languages, 20, 3),
                QueryParams.flag("withCapacity", withCapacity),
                QueryParams.oneOf("status", status, Set.of("active", "inactive", "temporarily-closed")),
                QueryParams.text("q", text, 200));
        return search.search(caller, criteria, PageRequest.of(page, size)).map(ServiceMapper::view);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One service; confidential addresses only for admins")
    @APIResponse(
            responseCode = "200",
            description = "The service",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The service's version, for If-Match",
                            schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ServiceView.class)))
    @APIResponse(responseCode = "404", description = "No such service")
    public Response get(@PathParam("id") UUID id) {
        ServiceDetails service = directory.get(caller, id);
        return Response.ok(ServiceMapper.view(service))
                .tag(ETags.of(service.version()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary =
                    "Replace a service's directory entry; announced as ServiceUpserted. If-Match is honoured when sent")
    @APIResponse(
            responseCode = "200",
            description = "The changed service",
            headers = @Header(name = "ETag", schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ServiceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Only admins edit the directory")
    @APIResponse(responseCode = "404", description = "No such service")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response update(
            @PathParam("id") UUID id,
            @Parameter(description = "the ETag read") @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @NotNull @Valid ServiceInput input) {
        ServiceDetails service = directory.update(caller, id, ETags.optional(ifMatch), ServiceMapper.command(input));
        return Response.ok(ServiceMapper.view(service))
                .tag(ETags.of(service.version()))
                .build();
    }

    @POST
    @Path("/{id}/deactivate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Deactivate a service (never deleted: referrals may point to it); announced as ServiceUpserted")
    @APIResponse(
            responseCode = "200",
            description = "The service, now inactive",
            headers = @Header(name = "ETag", schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ServiceView.class)))
    @APIResponse(responseCode = "403", description = "Only admins edit the directory")
    @APIResponse(responseCode = "404", description = "No such service")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response deactivate(
            @PathParam("id") UUID id,
            @Parameter(description = "the ETag read") @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        ServiceDetails service = directory.deactivate(caller, id, ETags.optional(ifMatch));
        return Response.ok(ServiceMapper.view(service))
                .tag(ETags.of(service.version()))
                .build();
    }

    @GET
    @Path("/{id}/capacity")
    @Authenticated
    @Operation(summary = "A service's capacity, with the ETag an update must send as If-Match")
    @APIResponse(
            responseCode = "200",
            description = "The capacity",
            headers = @Header(name = "ETag", schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CapacityView.class)))
    @APIResponse(responseCode = "404", description = "No such service")
    public Response capacity(@PathParam("id") UUID id) {
        Capacity capacity = capacities.get(id);
        return Response.ok(ServiceMapper.view(capacity))
                .tag(ETags.of(capacity.version()))
                .build();
    }

    @PUT
    @Path("/{id}/capacity")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(
            summary = "Update capacity (a partner, its own organization's services only); If-Match required; "
                    + "announced as CapacityChanged")
    @APIResponse(
            responseCode = "200",
            description = "The new capacity",
            headers = @Header(name = "ETag", schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CapacityView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (available above maximum, unknown waitlist)")
    @APIResponse(responseCode = "403", description = "Not your organization's service, or not a partner or admin")
    @APIResponse(responseCode = "404", description = "No such service")
    @APIResponse(responseCode = "412", description = "Someone changed the service since the ETag you sent")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response updateCapacity(
            @PathParam("id") UUID id,
            @Parameter(description = "the ETag read", required = true) @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @NotNull @Valid CapacityInput input) {
        Capacity capacity = capacities.update(caller, id, ETags.required(ifMatch), ServiceMapper.command(input));
        return Response.ok(ServiceMapper.view(capacity))
                .tag(ETags.of(capacity.version()))
                .build();
    }
}
