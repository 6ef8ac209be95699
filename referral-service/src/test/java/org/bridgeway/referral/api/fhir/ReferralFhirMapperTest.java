package org.bridgeway.referral.api.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.referral.domain.ReferralDetails;
import org.bridgeway.referral.domain.lifecycle.ReferralStates;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** The mapping alone: every referral state as a Task, its ServiceRequest and a searchset, each valid R4. */
class ReferralFhirMapperTest {

    private static final Instant REQUESTED = Instant.parse("2026-11-02T14:00:00.123456Z");
    private static final String STUDENT = "9f2c0b6a1e7d4c3b8a5f6e2d1c0b9a8f7e6d5c4b3a291807f6e5d4c3b2a19080";

    @Test
    void everyReferralStateIsAValidTaskWithItsFhirStatus() {
        Map<String, String> expected = Map.of(
                "requested", "requested",
                "accepted", "accepted",
                "in-progress", "in-progress",
                "on-hold", "on-hold",
                "completed", "completed",
                "rejected", "rejected",
                "cancelled", "cancelled",
                "failed", "failed",
                "expired", "cancelled");
        for (String state : ReferralStates.ALL) {
            Task task = ReferralFhirMapper.task(referral(state, "housing", STUDENT, "demo-board"));
            String json = FhirJson.write(task);
            R4Validation.assertValid(json);
            assertEquals(expected.get(state), task.getStatus().toCode(), state);
            assertEquals(state, code(task.getBusinessStatus()), state);
            assertEquals("order", task.getIntent().toCode());
            assertFalse(json.contains("Sam"), "free-text notes stay out of the FHIR view");
            ServiceRequest request = ReferralFhirMapper.serviceRequest(referral(state, "housing", STUDENT, "b-1"));
            R4Validation.assertValid(FhirJson.write(request));
        }
    }

    @Test
    void theValidatorRefusesWhatR4Refuses() {
        assertFalse(R4Validation.errors("{\"resourceType\":\"Task\",\"intent\":\"order\"}")
                .isEmpty());
        assertFalse(R4Validation.errors("{\"resourceType\":\"Task\",\"status\":\"expired\",\"intent\":\"order\"}")
                .isEmpty());
    }

    @Test
    void aRejectionCarriesItsReasonAnExpiryReadsAsCancelledAndACompletionItsOutcome() {
        Task rejected = ReferralFhirMapper.task(referral("rejected", "housing", STUDENT, "demo-board"));
        assertEquals("at-capacity", code(rejected.getStatusReason()));
        assertEquals(
                FhirCodes.REJECTION_REASON,
                rejected.getStatusReason().getCodingFirstRep().getSystem());

        Task expired = ReferralFhirMapper.task(referral("expired", "housing", STUDENT, "demo-board"));
        assertEquals(Task.TaskStatus.CANCELLED, expired.getStatus());
        assertEquals("expired", code(expired.getStatusReason()));
        assertTrue(expired.getStatusReason().getText().startsWith("Expired"));

        Task completed = ReferralFhirMapper.task(referral("completed", "housing", STUDENT, "demo-board"));
        assertEquals(1, completed.getOutput().size());
        assertEquals("outcome", code(completed.getOutputFirstRep().getType()));
        assertEquals("service-provided", code((CodeableConcept)
                completed.getOutputFirstRep().getValue()));
        assertEquals(completed.getLastModified(), completed.getExecutionPeriod().getEnd());

        Task cancelled = ReferralFhirMapper.task(referral("cancelled", "housing", STUDENT, "demo-board"));
        assertTrue(cancelled.getStatusReason().isEmpty());
        assertTrue(cancelled.getOutput().isEmpty());
    }

    @Test
    void theTaskPointsAtItsServiceRequestThePseudonymousPatientTheBoardAndThePartner() {
        ReferralDetails r = referral("accepted", "food-security", STUDENT, "demo-board");
        Task task = ReferralFhirMapper.task(r);
        assertEquals("ServiceRequest/" + r.id(), task.getFocus().getReference());
        assertEquals("Patient/" + STUDENT, task.getFor().getReference());
        assertEquals("Organization/" + r.organizationId(), task.getOwner().getReference());
        assertEquals("Organization/board-demo-board", task.getRequester().getReference());
        assertEquals("demo-board", task.getRequester().getIdentifier().getValue());
        assertEquals("2", task.getMeta().getVersionId());
        assertEquals(
                r.updatedAt().toEpochMilli(), task.getMeta().getLastUpdated().getTime());
        assertEquals(r.requestedAt().toEpochMilli(), task.getAuthoredOn().getTime());

        ServiceRequest request = ReferralFhirMapper.serviceRequest(r);
        assertEquals("active", request.getStatus().toCode());
        assertEquals("order", request.getIntent().toCode());
        assertEquals("food-insecurity", code(request.getCategoryFirstRep()));
        assertEquals(
                FhirCodes.SDOH_CATEGORY,
                request.getCategoryFirstRep().getCodingFirstRep().getSystem());
        assertEquals("food-security", code(request.getCode()));
        assertEquals("Patient/" + STUDENT, request.getSubject().getReference());
        assertEquals(
                "Organization/" + r.organizationId(),
                request.getPerformerFirstRep().getReference());
    }

    @Test
    void needsOutsideGravitysDomainsAreAnUnspecifiedSdohCategory() {
        assertEquals("housing-instability", code(FhirCodes.sdohCategory("housing")));
        assertEquals("educational-attainment", code(FhirCodes.sdohCategory("school-engagement")));
        assertEquals("sdoh-category-unspecified", code(FhirCodes.sdohCategory("mental-health")));
        assertEquals("sdoh-category-unspecified", code(FhirCodes.sdohCategory("family-support")));
    }

    @Test
    void idsThatAreNoFhirIdsBecomeIdentifiersAndStayValid() {
        String longRef = "student_" + "x".repeat(70);
        ReferralDetails r = referral("requested", "mentoring", longRef, "board_with_underscore");
        Task task = ReferralFhirMapper.task(r);
        assertNull(task.getFor().getReference());
        assertEquals(longRef, task.getFor().getIdentifier().getValue());
        assertNull(task.getRequester().getReference());
        assertEquals(
                "board_with_underscore", task.getRequester().getIdentifier().getValue());
        R4Validation.assertValid(FhirJson.write(task));
        R4Validation.assertValid(FhirJson.write(ReferralFhirMapper.serviceRequest(r)));
    }

    @Test
    void aPageOfTasksIsAValidSearchsetWithAbsoluteFullUrlsAndANextLink() {
        ReferralDetails first = referral("requested", "housing", STUDENT, "demo-board");
        ReferralDetails second = referral("completed", "housing", STUDENT, "demo-board");
        URI base = URI.create("https://api.example.org/api/v1/referrals/fhir/");
        Bundle bundle = SearchsetMapper.searchset(
                Page.of(List.of(first, second), new PageRequest(0, 2), 3),
                base,
                URI.create(base + "Task?_count=2&page=0"),
                URI.create(base + "Task?_count=2&page=1"));
        String json = FhirJson.write(bundle);
        R4Validation.assertValid(json);
        assertEquals(Bundle.BundleType.SEARCHSET, bundle.getType());
        assertEquals(3, bundle.getTotal());
        assertEquals(base + "Task/" + first.id(), bundle.getEntry().get(0).getFullUrl());
        assertEquals(
                Bundle.SearchEntryMode.MATCH,
                bundle.getEntry().get(0).getSearch().getMode());
        assertEquals(base + "Task?_count=2&page=1", bundle.getLink("next").getUrl());

        Bundle last = SearchsetMapper.searchset(
                Page.of(List.of(), new PageRequest(1, 2), 2), base, URI.create(base + "Task?page=1"), null);
        R4Validation.assertValid(FhirJson.write(last));
        assertNull(last.getLink("next"));
        assertFalse(last.hasEntry());
    }

    static ReferralDetails referral(String state, String need, String student, String board) {
        boolean accepted = List.of("accepted", "in-progress", "on-hold", "completed", "failed")
                        .contains(state)
                || "cancelled".equals(state);
        boolean finished = ReferralStates.isTerminal(state);
        Instant updated = REQUESTED.plus(Duration.ofHours(30));
        return new ReferralDetails(
                UUID.randomUUID(),
                UUID.randomUUID(),
                board,
                "school-1",
                student,
                UUID.randomUUID(),
                "Youth Housing Outreach",
                UUID.randomUUID(),
                "Org Youth Housing",
                need,
                87.5,
                state,
                "rejected".equals(state) ? "at-capacity" : null,
                "completed".equals(state) ? "service-provided" : null,
                "called Sam Lee's guardian",
                2,
                REQUESTED,
                REQUESTED.plus(Duration.ofDays(2)),
                accepted ? REQUESTED.plus(Duration.ofHours(3)) : null,
                finished ? updated : null,
                updated,
                false,
                new ReferralDetails.Summary(List.of(need), Map.of("housing", "high"), 3, 9, 14),
                List.of());
    }

    private static String code(CodeableConcept concept) {
        return concept.getCodingFirstRep().getCode();
    }
}
