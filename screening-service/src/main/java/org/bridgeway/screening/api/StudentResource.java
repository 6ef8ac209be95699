package org.bridgeway.screening.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.bridgeway.platform.idempotency.IdempotencyKeys;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.screening.api.ConsentDtos.ConsentInput;
import org.bridgeway.screening.api.ConsentDtos.ConsentView;
import org.bridgeway.screening.api.DisclosureDtos.DisclosureRequest;
import org.bridgeway.screening.api.DisclosureDtos.Identity;
import org.bridgeway.screening.api.RosterDtos.RosterUpload;
import org.bridgeway.screening.api.RosterDtos.StudentView;
import org.bridgeway.screening.api.RosterImportDtos.RosterImportView;
import org.bridgeway.screening.domain.ConsentService;
import org.bridgeway.screening.domain.DisclosureService;
import org.bridgeway.screening.domain.OneRosterImport;
import org.bridgeway.screening.domain.RosterService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/screening")
@Tag(name = "screening: roster and consent")
public class StudentResource {

    static final String ZIP = "application/zip";

    private final RosterService roster;
    private final OneRosterImport oneRoster;
    private final ConsentService consents;
    private final DisclosureService disclosures;
    private final IdempotencyKeys idempotency;
    private final Caller caller;

    StudentResource(
            RosterService roster,
            OneRosterImport oneRoster,
            ConsentService consents,
            DisclosureService disclosures,
            IdempotencyKeys idempotency,
            Caller caller) {
        this.roster = roster;
        this.oneRoster = oneRoster;
        this.consents = consents;
        this.disclosures = disclosures;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/boards/{boardId}/roster")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SIS, Roles.ADMIN})
    @Operation(
            summary = "Upsert schools and students of a board (idempotent; honours Idempotency-Key);"
                    + " or import a OneRoster 1.2 CSV package as application/zip (202 with a roster import)")
    public Response upsertRoster(
            @PathParam("boardId") String boardId,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @NotNull @Valid RosterUpload upload) {
        return idempotency.execute(
                caller.subject(),
                idempotencyKey,
                upload,
                () -> Response.ok(RosterMapper.result(roster.upsert(caller, boardId, RosterMapper.command(upload))))
                        .build());
    }

    @POST
    @Path("/boards/{boardId}/roster")
    @Consumes(ZIP)
    @RolesAllowed({Roles.SIS, Roles.ADMIN})
    @Operation(
            summary = "Import a OneRoster 1.2 CSV package (manifest, orgs, users, enrollments, classes, demographics;"
                    + " bulk or delta): 202 with a roster import reporting progress, counts and row errors")
    @APIResponse(
            responseCode = "202",
            description = "Accepted; the roster import reports progress, student counts and row errors",
            headers = @Header(name = "Location", schema = @Schema(implementation = String.class)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RosterImportView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not an importable package (not a zip, folders or '..' in names, manifest or file missing,"
                    + " a header without a required column); nothing was stored")
    @APIResponse(responseCode = "403", description = "Your token does not cover this board")
    @APIResponse(
            responseCode = "413",
            description = "The upload, its inflated files or its number of files are over this service's bounds")
    @APIResponse(responseCode = "503", description = "The database is unreachable for a moment; retry later")
    public Response importOneRoster(@PathParam("boardId") String boardId, InputStream body) {
        RosterImportView accepted = RosterImportMapper.view(oneRoster.accept(caller, boardId, body));
        return Response.accepted(accepted)
                .location(RosterImportMapper.location(accepted.id()))
                .build();
    }

    @GET
    @Path("/boards/{boardId}/students")
    @RolesAllowed({Roles.COORDINATOR, Roles.SCHOOL_STAFF, Roles.ADMIN})
    @Operation(summary = "List students (refs, school, grade, consent status; never identity)")
    public Page<StudentView> students(
            @PathParam("boardId") String boardId,
            @QueryParam("schoolId") String schoolId,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return roster.students(caller, boardId, schoolId, PageRequest.of(page, size))
                .map(RosterMapper::view);
    }

    @PUT
    @Path("/boards/{boardId}/students/{studentRef}/consent")
    @RolesAllowed({Roles.SIS, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Record the student's consent; the history is kept and the change audited")
    public ConsentView recordConsent(
            @PathParam("boardId") String boardId,
            @PathParam("studentRef") String studentRef,
            @NotNull @Valid ConsentInput input) {
        return ConsentMapper.view(consents.record(caller, boardId, studentRef, ConsentMapper.command(input)));
    }

    @GET
    @Path("/boards/{boardId}/students/{studentRef}/consent")
    @RolesAllowed({Roles.SIS, Roles.COORDINATOR, Roles.SCHOOL_STAFF, Roles.ADMIN})
    @Operation(summary = "The student's consent history, newest first")
    public List<ConsentView> consentHistory(
            @PathParam("boardId") String boardId, @PathParam("studentRef") String studentRef) {
        return consents.history(caller, boardId, studentRef).stream()
                .map(ConsentMapper::view)
                .toList();
    }

    @POST
    @Path("/boards/{boardId}/students/{studentRef}/identity-disclosures")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN, Roles.REFERRAL_SERVICE})
    @Operation(
            summary = "Disclose the student's identity for a referral: consent must be granted; every call is audited")
    public Identity disclose(
            @PathParam("boardId") String boardId,
            @PathParam("studentRef") String studentRef,
            @NotNull @Valid DisclosureRequest request) {
        return DisclosureMapper.view(
                disclosures.disclose(caller, boardId, studentRef, DisclosureMapper.command(request)));
    }
}
