package org.bridgeway.referral.api.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.bridgeway.referral.domain.ReferralDetails;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * A referral as the Gravity Project's SDOH closed-loop pair: a {@code ServiceRequest} (what is asked for, for
 * whom, by whom) and the {@code Task} that asks one partner organization to fulfil it. Both share the
 * referral's id. The student is only a pseudonymous {@code Patient} reference (the caller's pseudonym, see
 * {@code Access.studentPseudonym}); free-text notes are left out, since nobody can promise they hold no name.
 */
public final class ReferralFhirMapper {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private ReferralFhirMapper() {}

    public static Task task(ReferralDetails r) {
        Task task = new Task();
        task.setId(r.id().toString());
        task.setMeta(meta(r));
        task.setStatus(taskStatus(r.status()));
        task.setBusinessStatus(FhirCodes.concept(FhirCodes.REFERRAL_STATUS, r.status()));
        task.setIntent(TaskIntent.ORDER);
        task.setCode(new CodeableConcept(new Coding(FhirCodes.TASK_CODE, "fulfill", "Fulfill the focal request")));
        task.setFocus(new Reference("ServiceRequest/" + r.id()));
        task.setFor(patient(r.studentPseudonym()));
        task.setAuthoredOnElement(dateTime(r.requestedAt()));
        task.setLastModifiedElement(dateTime(lastChange(r)));
        task.setRequester(board(r.boardId()));
        task.setOwner(new Reference("Organization/" + r.organizationId()).setDisplay(r.organizationName()));
        if ("rejected".equals(r.status()) && r.reason() != null) {
            task.setStatusReason(FhirCodes.concept(FhirCodes.REJECTION_REASON, r.reason()));
        }
        if ("expired".equals(r.status())) {
            task.setStatusReason(FhirCodes.concept(FhirCodes.REFERRAL_STATUS, "expired"));
        }
        if ("completed".equals(r.status()) && r.outcome() != null) {
            task.addOutput()
                    .setType(FhirCodes.concept(FhirCodes.TASK_OUTPUT, "outcome"))
                    .setValue(FhirCodes.concept(FhirCodes.REFERRAL_OUTCOME, r.outcome()));
        }
        if (r.acceptedAt() != null) {
            Period execution = new Period().setStartElement(dateTime(r.acceptedAt()));
            if (r.finishedAt() != null) {
                execution.setEndElement(dateTime(r.finishedAt()));
            }
            task.setExecutionPeriod(execution);
        }
        return task;
    }

    public static ServiceRequest serviceRequest(ReferralDetails r) {
        ServiceRequest request = new ServiceRequest();
        request.setId(r.id().toString());
        request.setMeta(meta(r));
        request.setStatus(serviceRequestStatus(r.status()));
        request.setIntent(ServiceRequestIntent.ORDER);
        request.addCategory(FhirCodes.sdohCategory(r.need()));
        request.setCode(FhirCodes.need(r.need()));
        request.setSubject(patient(r.studentPseudonym()));
        request.setAuthoredOnElement(dateTime(r.requestedAt()));
        request.setRequester(board(r.boardId()));
        request.addPerformer(new Reference("Organization/" + r.organizationId()).setDisplay(r.organizationName()));
        request.addPerformer(new Reference("HealthcareService/" + r.serviceId()).setDisplay(r.serviceName()));
        return request;
    }

    /** Task states are FHIR's own; expired has no FHIR twin and reads as cancelled, with the reason. */
    static TaskStatus taskStatus(String status) {
        return switch (status) {
            case "requested" -> TaskStatus.REQUESTED;
            case "accepted" -> TaskStatus.ACCEPTED;
            case "rejected" -> TaskStatus.REJECTED;
            case "in-progress" -> TaskStatus.INPROGRESS;
            case "on-hold" -> TaskStatus.ONHOLD;
            case "completed" -> TaskStatus.COMPLETED;
            case "cancelled", "expired" -> TaskStatus.CANCELLED;
            case "failed" -> TaskStatus.FAILED;
            default -> throw new IllegalArgumentException("not a referral state: " + status);
        };
    }

    /** The request stands while its Task is live; one that ended without a completion is revoked. */
    static ServiceRequestStatus serviceRequestStatus(String status) {
        return switch (status) {
            case "requested", "accepted", "in-progress" -> ServiceRequestStatus.ACTIVE;
            case "on-hold" -> ServiceRequestStatus.ONHOLD;
            case "completed" -> ServiceRequestStatus.COMPLETED;
            case "rejected", "cancelled", "expired", "failed" -> ServiceRequestStatus.REVOKED;
            default -> throw new IllegalArgumentException("not a referral state: " + status);
        };
    }

    private static Meta meta(ReferralDetails r) {
        return new Meta()
                .setVersionId(Integer.toString(r.version()))
                .setLastUpdatedElement(new InstantType(Date.from(lastChange(r)), TemporalPrecisionEnum.MILLI, UTC));
    }

    private static Instant lastChange(ReferralDetails r) {
        return r.updatedAt() != null ? r.updatedAt() : r.requestedAt();
    }

    /**
     * Pseudonymous, derived from the studentRef (an HMAC no one can turn back into a name), and nothing else:
     * {@code Patient/<pseudonym>}, or where that is no FHIR id (only a studentRef can be, never an alias) the
     * studentRef as an identifier.
     */
    private static Reference patient(String pseudonym) {
        if (FhirCodes.FHIR_ID.matcher(pseudonym).matches()) {
            return new Reference("Patient/" + pseudonym);
        }
        return new Reference()
                .setIdentifier(new Identifier().setSystem(FhirCodes.STUDENT_REF).setValue(pseudonym));
    }

    /** The school board: a literal reference where its id makes a FHIR id, its identifier always. */
    private static Reference board(String boardId) {
        Reference board = new Reference()
                .setIdentifier(new Identifier().setSystem(FhirCodes.BOARD_ID).setValue(boardId));
        String id = "board-" + boardId;
        if (FhirCodes.FHIR_ID.matcher(id).matches()) {
            board.setReference("Organization/" + id);
        }
        return board;
    }

    private static DateTimeType dateTime(Instant at) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.MILLI, UTC);
    }
}
