package org.bridgeway.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.bridgeway.platform.api.Page;
import org.bridgeway.platform.api.PageRequest;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.referral.domain.CaseService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/referrals/boards/{boardId}/cases")
@Tag(name = "referrals: cases")
public class CaseResource {

    private final CaseService cases;
    private final Caller caller;

    CaseResource(CaseService cases, Caller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Cases of a board, newest first")
    public Page<CaseView> list(@PathParam("boardId") String boardId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        caller.requireBoard(boardId);
        return cases.cases(boardId, PageRequest.of(page, size));
    }
}
