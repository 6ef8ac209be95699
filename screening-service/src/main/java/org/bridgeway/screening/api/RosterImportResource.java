package org.bridgeway.screening.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.screening.api.RosterImportDtos.RosterImportView;
import org.bridgeway.screening.api.RosterImportDtos.RosterRowErrorView;
import org.bridgeway.screening.domain.OneRosterImport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A OneRoster package's import, followed after its 202 (the upload itself is a roster POST, see StudentResource). */
@Path("/api/v1/screening/roster-imports")
@Tag(name = "screening: roster and consent")
public class RosterImportResource {

    private final OneRosterImport imports;
    private final Caller caller;

    RosterImportResource(OneRosterImport imports, Caller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SIS, Roles.ADMIN})
    @Operation(summary = "A OneRoster import's status, progress and student counts")
    public RosterImportView get(@PathParam("id") UUID id) {
        return RosterImportMapper.view(imports.progress(caller, id));
    }

    @GET
    @Path("/{id}/errors")
    @RolesAllowed({Roles.SIS, Roles.ADMIN})
    @Operation(summary = "Row errors of a OneRoster import: file, line, column and message (never the value)")
    public Page<RosterRowErrorView> errors(
            @PathParam("id") UUID id, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return imports.rowErrors(caller, id, PageRequest.of(page, size)).map(RosterImportMapper::view);
    }
}
