package org.bridgeway.screening.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.screening.api.DisclosureDtos.AuditView;
import org.bridgeway.screening.domain.DisclosureService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/screening/audit")
@Tag(name = "screening: audit")
public class AuditResource {

    private final DisclosureService disclosures;

    AuditResource(DisclosureService disclosures) {
        this.disclosures = disclosures;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The append-only audit log, newest first: disclosures, consent changes, reviews")
    public Page<AuditView> page(
            @QueryParam("studentRef") String studentRef,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return disclosures.auditLog(studentRef, PageRequest.of(page, size)).map(DisclosureMapper::view);
    }
}
