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
import java.io.InputStream;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.screening.api.BatchDtos.BatchView;
import org.bridgeway.screening.api.BatchDtos.RowError;
import org.bridgeway.screening.domain.BatchIntake;
import org.bridgeway.screening.domain.BatchRows;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/screening")
@Tag(name = "screening: bulk ingest")
public class BatchResource {

    private final BatchIntake batches;
    private final Caller caller;

    BatchResource(BatchIntake batches, Caller caller) {
        this.batches = batches;
        this.caller = caller;
    }

    @POST
    @Path("/boards/{boardId}/batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SIS, Roles.ADMIN})
    @Operation(
            summary = "Submit a JSON array of responses; 202 with a batch resource reporting progress and row errors")
    @APIResponse(
            responseCode = "202",
            description = "Accepted; the batch resource reports progress and row errors",
            headers = @Header(name = "Location", schema = @Schema(implementation = String.class)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "400", description = "Not a readable batch (empty, malformed JSON or CSV header)")
    @APIResponse(responseCode = "403", description = "Your token does not cover this board")
    @APIResponse(responseCode = "503", description = "The database is unreachable for a moment; retry later")
    public Response submitJson(@PathParam("boardId") String boardId, InputStream body) {
        return accept(boardId, BatchRows.JSON, body);
    }

    @POST
    @Path("/boards/{boardId}/batches")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.SIS, Roles.ADMIN})
    @Operation(
            summary =
                    "Submit responses as CSV (header: studentRef|sisStudentId, schoolId, instrument, version, administeredOn, item ids)")
    @APIResponse(
            responseCode = "202",
            description = "Accepted; the batch resource reports progress and row errors",
            headers = @Header(name = "Location", schema = @Schema(implementation = String.class)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "400", description = "Not a readable batch (empty, malformed JSON or CSV header)")
    @APIResponse(responseCode = "403", description = "Your token does not cover this board")
    @APIResponse(responseCode = "503", description = "The database is unreachable for a moment; retry later")
    public Response submitCsv(@PathParam("boardId") String boardId, InputStream body) {
        return accept(boardId, BatchRows.CSV, body);
    }

    private Response accept(String boardId, String format, InputStream body) {
        BatchView batch = BatchMapper.view(batches.accept(caller, boardId, format, body));
        return Response.accepted(batch)
                .location(BatchMapper.location(batch.id()))
                .build();
    }

    @GET
    @Path("/batches/{id}")
    @RolesAllowed({Roles.SIS, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "A batch's status and progress: rows done of total, succeeded, failed, flagged")
    public BatchView get(@PathParam("id") UUID id) {
        return BatchMapper.view(batches.progress(caller, id));
    }

    @GET
    @Path("/batches/{id}/errors")
    @RolesAllowed({Roles.SIS, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Row errors of a batch: row number, field and message")
    public Page<RowError> errors(
            @PathParam("id") UUID id, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return batches.rowErrors(caller, id, PageRequest.of(page, size)).map(BatchMapper::view);
    }
}
