package org.bridgeway.referral.api.fhir;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI shapes of the FHIR answers: the elements this view fills, as far as an integrator relies on
 * them. They document HAPI's output and are never instantiated; HL7's R4 specification is the full schema
 * (https://hl7.org/fhir/R4/task.html, servicerequest.html, bundle.html).
 */
final class FhirSchemas {

    private FhirSchemas() {}

    @Schema(name = "FhirCoding")
    record Coding(String system, String code, String display) {}

    @Schema(name = "FhirCodeableConcept")
    record CodeableConcept(List<Coding> coding, String text) {}

    @Schema(name = "FhirIdentifier")
    record Identifier(String system, String value) {}

    @Schema(name = "FhirReference", description = "A literal reference (Type/id), an identifier, or both")
    record Reference(String reference, Identifier identifier, String display) {}

    @Schema(name = "FhirMeta")
    record Meta(
            String versionId, @Schema(format = "date-time") String lastUpdated) {}

    @Schema(name = "FhirTaskOutput")
    record TaskOutput(CodeableConcept type, CodeableConcept valueCodeableConcept) {}

    @Schema(name = "FhirPeriod")
    record Period(
            @Schema(format = "date-time") String start,
            @Schema(format = "date-time") String end) {}

    @Schema(
            name = "FhirTask",
            description =
                    "An HL7 FHIR R4 Task: one partner organization asked to fulfil the referral's ServiceRequest."
                            + " businessStatus carries the referral state; expired reads as cancelled with statusReason expired")
    record Task(
            @Schema(required = true, enumeration = "Task") String resourceType,
            @Schema(required = true) String id,
            Meta meta,

            @Schema(
                    required = true,
                    enumeration = {
                        "requested",
                        "accepted",
                        "rejected",
                        "in-progress",
                        "on-hold",
                        "completed",
                        "cancelled",
                        "failed"
                    })
            String status,

            CodeableConcept statusReason,
            CodeableConcept businessStatus,
            @Schema(required = true, enumeration = "order") String intent,
            CodeableConcept code,

            @Schema(description = "ServiceRequest/<referral id>")
            Reference focus,

            @Schema(name = "for", description = "The pseudonymous Patient/<studentRef>")
            Reference patient,

            Period executionPeriod,
            @Schema(format = "date-time") String authoredOn,
            @Schema(format = "date-time") String lastModified,
            @Schema(description = "The school board") Reference requester,

            @Schema(description = "Organization/<partner organization id>")
            Reference owner,

            List<TaskOutput> output) {}

    @Schema(
            name = "FhirServiceRequest",
            description = "An HL7 FHIR R4 ServiceRequest: the need referred, in the Gravity Project's SDOH category")
    record ServiceRequest(
            @Schema(required = true, enumeration = "ServiceRequest")
            String resourceType,

            @Schema(required = true) String id,
            Meta meta,

            @Schema(
                    required = true,
                    enumeration = {"active", "on-hold", "completed", "revoked"})
            String status,

            @Schema(required = true, enumeration = "order") String intent,
            List<CodeableConcept> category,
            CodeableConcept code,

            @Schema(required = true, description = "The pseudonymous Patient/<studentRef>")
            Reference subject,

            @Schema(format = "date-time") String authoredOn,
            Reference requester,
            List<Reference> performer) {}

    @Schema(name = "FhirBundleLink")
    record Link(String relation, String url) {}

    @Schema(name = "FhirBundleSearch")
    record Search(String mode) {}

    @Schema(name = "FhirTaskEntry")
    record Entry(String fullUrl, Task resource, Search search) {}

    @Schema(name = "FhirTaskSearchset", description = "An HL7 FHIR R4 searchset Bundle of Tasks, oldest change first")
    record Searchset(
            @Schema(required = true, enumeration = "Bundle") String resourceType,

            @Schema(required = true, enumeration = "searchset")
            String type,

            int total,
            List<Link> link,
            List<Entry> entry) {}
}
