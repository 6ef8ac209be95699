package org.bridgeway.screening.api;

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
import org.bridgeway.screening.domain.ConsentService;
import org.bridgeway.screening.domain.DisclosureService;
import org.bridgeway.screening.domain.RosterService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/screening")
@Tag(name = "screening: roster and consent")
public class StudentResource {

    private final RosterService roster;
    private final ConsentService consents;
    private final DisclosureService disclosures;
    private final IdempotencyKeys idempotency;
    private final Caller caller;

    StudentResource(
            RosterService roster,
            ConsentService consents,
            DisclosureService disclosures,
            IdempotencyKeys idempotency,
            Caller caller) {
        this.roster = roster;
        this.consents = consents;
        this.disclosures = disclosures;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/boards/{boardId}/roster")
    @RolesAllowed({Roles.SIS, Roles.ADMIN})
    @Operation(summary = "Upsert schools and students of a board (idempotent; honours Idempotency-Key)")
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
