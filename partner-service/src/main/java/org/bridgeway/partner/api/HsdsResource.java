package org.bridgeway.partner.api;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bridgeway.partner.api.HsdsDtos.HsdsOrganization;
import org.bridgeway.partner.api.HsdsDtos.HsdsPage;
import org.bridgeway.partner.api.HsdsDtos.HsdsService;
import org.bridgeway.partner.domain.DirectoryExport;
import org.bridgeway.partner.domain.DirectoryExport.ExportedService;
import org.bridgeway.partner.domain.Need;
import org.bridgeway.partner.domain.NeedVocabulary;
import org.bridgeway.partner.domain.OrganizationDirectory;
import org.bridgeway.partner.domain.OrganizationModel.OrganizationDetails;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The directory as Open Referral HSDS 3.x, paged as HSDS lists are (page from 1, per_page), with delta sync. */
@Path("/api/v1/hsds")
@Tag(name = "hsds: Open Referral export")
public class HsdsResource {

    private final DirectoryExport export;
    private final OrganizationDirectory organizations;
    private final NeedVocabulary needs;
    private final Caller caller;

    HsdsResource(DirectoryExport export, OrganizationDirectory organizations, NeedVocabulary needs, Caller caller) {
        this.export = export;
        this.organizations = organizations;
        this.needs = needs;
        this.caller = caller;
    }

    @GET
    @Path("/services")
    @Authenticated
    @Operation(summary = "Services in HSDS 3.x shape, by name, or by modification from modified_after")
    @APIResponse(responseCode = "200", description = "One HSDS page of services")
    @APIResponse(responseCode = "400", description = "Invalid page, per_page or modified_after")
    public HsdsPage<HsdsService> services(
            @Parameter(description = "1-based page number") @QueryParam("page") String page,
            @Parameter(description = "items per page, 1-200, default 50") @QueryParam("per_page") String perPage,
            @Parameter(description = "RFC 3339 date-time: only services changed at or after it")
                    @QueryParam("modified_after")
                    String modifiedAfter) {
        Page<ExportedService> services =
                export.services(caller, QueryParams.instant("modified_after", modifiedAfter), request(page, perPage));
        Map<String, Need> vocabulary = vocabulary();
        return HsdsMapper.page(
                services,
                services.items().stream()
                        .map(s -> HsdsMapper.service(s.service(), s.organization(), vocabulary))
                        .toList());
    }

    @GET
    @Path("/services/{id}")
    @Authenticated
    @Operation(summary = "One service in HSDS 3.x shape, with its organization, locations, languages, areas and needs")
    @APIResponse(responseCode = "200", description = "The service")
    @APIResponse(responseCode = "404", description = "No such service")
    public HsdsService service(@PathParam("id") UUID id) {
        ExportedService service = export.service(caller, id);
        return HsdsMapper.service(service.service(), service.organization(), vocabulary());
    }

    @GET
    @Path("/organizations")
    @Authenticated
    @Operation(
            summary =
                    "Organizations in HSDS 3.x shape with their services, by name, or by modification from modified_after")
    @APIResponse(responseCode = "200", description = "One HSDS page of organizations")
    @APIResponse(responseCode = "400", description = "Invalid page, per_page or modified_after")
    public HsdsPage<HsdsOrganization> organizations(
            @Parameter(description = "1-based page number") @QueryParam("page") String page,
            @Parameter(description = "items per page, 1-200, default 50") @QueryParam("per_page") String perPage,
            @Parameter(description = "RFC 3339 date-time: only organizations changed at or after it")
                    @QueryParam("modified_after")
                    String modifiedAfter) {
        Page<OrganizationDetails> list = organizations.list(
                caller, QueryParams.instant("modified_after", modifiedAfter), request(page, perPage));
        Map<String, Need> vocabulary = vocabulary();
        return HsdsMapper.page(
                list,
                list.items().stream().map(o -> organization(o, vocabulary)).toList());
    }

    @GET
    @Path("/organizations/{id}")
    @Authenticated
    @Operation(summary = "One organization in HSDS 3.x shape with its services")
    @APIResponse(responseCode = "200", description = "The organization")
    @APIResponse(responseCode = "404", description = "No such organization")
    public HsdsOrganization organization(@PathParam("id") UUID id) {
        return organization(organizations.get(caller, id), vocabulary());
    }

    private static HsdsOrganization organization(OrganizationDetails o, Map<String, Need> vocabulary) {
        List<HsdsService> services = o.services().stream()
                .map(s -> HsdsMapper.service(s, null, vocabulary))
                .toList();
        return HsdsMapper.organization(o, services);
    }

    private Map<String, Need> vocabulary() {
        return needs.all().stream().collect(Collectors.toMap(Need::code, Function.identity()));
    }

    /** HSDS pages count from 1 and size them with per_page. */
    private static PageRequest request(String page, String perPage) {
        Integer number = QueryParams.integer("page", page, 1, 1_000_000);
        Integer size = QueryParams.integer("per_page", perPage, 1, Page.MAX_SIZE);
        return PageRequest.of(number == null ? 0 : number - 1, size == null ? 50 : size);
    }
}
