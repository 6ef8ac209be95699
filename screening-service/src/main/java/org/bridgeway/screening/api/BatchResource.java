package org.bridgeway.screening.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bridgeway.platform.api.Page;
import org.bridgeway.platform.api.PageRequest;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.screening.api.BatchDtos.BatchView;
import org.bridgeway.screening.api.BatchDtos.RowError;
import org.bridgeway.screening.domain.BatchRows;
import org.bridgeway.screening.domain.BatchService;
import org.bridgeway.screening.store.BatchRecord;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

@Path("/api/v1/screening")
@Tag(name = "screening: bulk ingest")
public class BatchResource {

    private final BatchService batches;
    private final Caller caller;

    BatchResource(BatchService batches, Caller caller) {
        this.batches = batches;
        this.caller = caller;
    }

    @POST
    @Path("/boards/{boardId}/batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SIS, Roles.ADMIN})
    @Operation(summary = "Submit a JSON array of responses; 202 with a batch resource reporting progress and row errors")
    public Response submitJson(@PathParam("boardId") String boardId, InputStream body) {
        return accept(boardId, BatchRows.JSON, body);
    }

    @POST
    @Path("/boards/{boardId}/batches")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.SIS, Roles.ADMIN})
    @Operation(summary = "Submit responses as CSV (header: studentRef|sisStudentId, schoolId, instrument, version, administeredOn, item ids)")
    public Response submitCsv(@PathParam("boardId") String boardId, InputStream body) {
        return accept(boardId, BatchRows.CSV, body);
    }

    private Response accept(String boardId, String format, InputStream body) {
        caller.requireBoard(boardId);
        BatchView batch = batches.accept(boardId, format, body, caller.subject());
        return Response.accepted(batch).location(URI.create("/api/v1/screening/batches/" + batch.id())).build();
    }

    @GET
    @Path("/batches/{id}")
    @RolesAllowed({Roles.SIS, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "A batch's status and progress: rows done of total, succeeded, failed, flagged")
    public BatchView get(@PathParam("id") UUID id) {
        return BatchService.view(reachable(id));
    }

    @GET
    @Path("/batches/{id}/errors")
    @RolesAllowed({Roles.SIS, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Row errors of a batch: row number, field and message")
    public Page<RowError> errors(@PathParam("id") UUID id, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        reachable(id);
        return batches.errors(id, PageRequest.of(page, size));
    }

    private BatchRecord reachable(UUID id) {
        BatchRecord batch = batches.find(id);
        caller.requireBoard(batch.boardId);
        return batch;
    }
}
