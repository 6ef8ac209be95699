package org.bridgeway.referral.api.fhir;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.referral.config.FhirConfig;
import org.bridgeway.referral.domain.ReferralDetails;
import org.bridgeway.referral.domain.ReferralViews;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The referrals as HL7 FHIR R4, read-only: the same referrals, to the same callers, as the referral views
 * (another organization's Task is 404). Errors stay problem+json like everywhere in the suite.
 */
@Path("/api/v1/referrals/fhir")
@Tag(name = "referrals: FHIR R4")
@RolesAllowed({Roles.PARTNER, Roles.COORDINATOR, Roles.SCHOOL_STAFF, Roles.ADMIN})
@Produces({FhirJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class FhirResource {

    private static final String PATH = "api/v1/referrals/fhir/";

    private final ReferralViews views;
    private final Caller caller;
    private final FhirConfig config;

    FhirResource(ReferralViews views, Caller caller, FhirConfig config) {
        this.views = views;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/Task/{id}")
    @Operation(summary = "The referral as a FHIR R4 Task addressed to the partner organization (its owner)")
    @APIResponse(
            responseCode = "200",
            description = "The Task",
            content = {
                @Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(implementation = FhirSchemas.Task.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = FhirSchemas.Task.class))
            })
    @APIResponse(responseCode = "403", description = "Your role does not see referrals")
    @APIResponse(responseCode = "404", description = "No such referral addressed to you or within your reach")
    public Response task(@PathParam("id") UUID id) {
        return fhir(ReferralFhirMapper.task(views.get(caller, id)));
    }

    @GET
    @Path("/ServiceRequest/{id}")
    @Operation(summary = "The need the referral asks a partner to meet, as a FHIR R4 ServiceRequest (a Task's focus)")
    @APIResponse(
            responseCode = "200",
            description = "The ServiceRequest",
            content = {
                @Content(
                        mediaType = FhirJson.MEDIA_TYPE,
                        schema = @Schema(implementation = FhirSchemas.ServiceRequest.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = FhirSchemas.ServiceRequest.class))
            })
    @APIResponse(responseCode = "403", description = "Your role does not see referrals")
    @APIResponse(responseCode = "404", description = "No such referral addressed to you or within your reach")
    public Response serviceRequest(@PathParam("id") UUID id) {
        return fhir(ReferralFhirMapper.serviceRequest(views.get(caller, id)));
    }

    @GET
    @Path("/Task")
    @Operation(
            summary = "Search Tasks within your reach, oldest change first: poll with _lastUpdated=gt<the last"
                    + " meta.lastUpdated you saw> (a change can come back twice, never be missed that way)")
    @APIResponse(
            responseCode = "200",
            description = "A searchset Bundle, with a next link while more pages follow",
            content = {
                @Content(
                        mediaType = FhirJson.MEDIA_TYPE,
                        schema = @Schema(implementation = FhirSchemas.Searchset.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = FhirSchemas.Searchset.class))
            })
    @APIResponse(responseCode = "400", description = "Invalid search parameter (each one named in errors)")
    @APIResponse(
            responseCode = "403",
            description = "A partner naming another organization as owner, or a role " + "that does not see referrals")
    public Response search(
            @Parameter(description = "Organization/<partner organization id>") @QueryParam("owner") String owner,
            @Parameter(description = "FHIR Task status codes, comma-separated") @QueryParam("status") String status,
            @Parameter(description = "gt|ge|lt|le then an instant with offset or a date; repeat for a window")
                    @QueryParam("_lastUpdated")
                    List<String> lastUpdated,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("_count") Integer count,
            @Parameter(description = "Page, from 0") @QueryParam("page") Integer page,
            @Context UriInfo uri) {
        TaskSearch search = TaskSearch.parse(owner, status, lastUpdated, count, page);
        Page<ReferralDetails> found = views.changes(caller, search.changes(), search.page());
        UriBuilder self = UriBuilder.fromUri(base(uri).resolve("Task"));
        query(self, "owner", owner);
        query(self, "status", status);
        (lastUpdated == null ? List.<String>of() : lastUpdated).forEach(value -> query(self, "_lastUpdated", value));
        self.queryParam("_count", search.page().size());
        URI next = found.page() + 1 < found.totalPages()
                ? self.clone().queryParam("page", found.page() + 1).build()
                : null;
        self.queryParam("page", found.page());
        return fhir(SearchsetMapper.searchset(found, base(uri), self.build(), next));
    }

    private URI base(UriInfo uri) {
        return config.baseUrl()
                .map(url -> url.toString().endsWith("/") ? url : URI.create(url + "/"))
                .orElseGet(() -> uri.getBaseUri().resolve("/" + PATH));
    }

    private static void query(UriBuilder builder, String name, String value) {
        if (value != null && !value.isBlank()) {
            builder.queryParam(name, value);
        }
    }

    private static Response fhir(IBaseResource resource) {
        return Response.ok(FhirJson.write(resource)).build();
    }
}
