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
import org.bridgeway.platform.api.Page;
import org.bridgeway.platform.api.PageRequest;
import org.bridgeway.platform.idempotency.IdempotencyKeys;
import org.bridgeway.platform.problem.ApiException;
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
import org.bridgeway.screening.store.Student;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/screening")
@Tag(name = "screening: roster and consent")
public class StudentResource {

    private final RosterService roster;
    private final ConsentService consents;
    private final DisclosureService disclosures;
    private final IdempotencyKeys idempotency;
    private final Caller caller;

    StudentResource(RosterService roster, ConsentService consents, DisclosureService disclosures,
            IdempotencyKeys idempotency, Caller caller) {
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
    public Response upsertRoster(@PathParam("boardId") String boardId,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @NotNull @Valid RosterUpload upload) {
        caller.requireBoard(boardId);
        return idempotency.execute(caller.subject(), idempotencyKey, upload,
                () -> Response.ok(roster.upsert(boardId, upload)).build());
    }

    @GET
    @Path("/boards/{boardId}/students")
    @RolesAllowed({Roles.COORDINATOR, Roles.SCHOOL_STAFF, Roles.ADMIN})
    @Operation(summary = "List students (refs, school, grade, consent status; never identity)")
    public Page<StudentView> students(@PathParam("boardId") String boardId, @QueryParam("schoolId") String schoolId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        caller.requireBoard(boardId);
        return roster.students(boardId, schoolId, caller.seesWholeBoard() ? null : caller.schools(), PageRequest.of(page, size));
    }

    @PUT
    @Path("/boards/{boardId}/students/{studentRef}/consent")
    @RolesAllowed({Roles.SIS, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Record the student's consent; the history is kept and the change audited")
    public ConsentView recordConsent(@PathParam("boardId") String boardId, @PathParam("studentRef") String studentRef,
            @NotNull @Valid ConsentInput input) {
        caller.requireBoard(boardId);
        return consents.record(caller, consents.student(boardId, studentRef), input);
    }

    @GET
    @Path("/boards/{boardId}/students/{studentRef}/consent")
    @RolesAllowed({Roles.SIS, Roles.COORDINATOR, Roles.SCHOOL_STAFF, Roles.ADMIN})
    @Operation(summary = "The student's consent history, newest first")
    public List<ConsentView> consentHistory(@PathParam("boardId") String boardId, @PathParam("studentRef") String studentRef) {
        Student student = reachableStudent(boardId, studentRef);
        return consents.history(student.studentRef);
    }

    @POST
    @Path("/boards/{boardId}/students/{studentRef}/identity-disclosures")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Disclose the student's identity for a referral: consent must be granted; every call is audited")
    public Identity disclose(@PathParam("boardId") String boardId, @PathParam("studentRef") String studentRef,
            @NotNull @Valid DisclosureRequest request) {
        caller.requireBoard(boardId);
        return disclosures.disclose(caller, consents.student(boardId, studentRef), request);
    }

    private Student reachableStudent(String boardId, String studentRef) {
        caller.requireBoard(boardId);
        Student student = consents.student(boardId, studentRef);
        if (!caller.reachesSchool(boardId, student.schoolId)) {
            throw ApiException.notFound("No student " + studentRef + " in your schools.");
        }
        return student;
    }
}
