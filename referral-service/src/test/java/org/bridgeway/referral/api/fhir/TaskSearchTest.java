package org.bridgeway.referral.api.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.problem.Problem;
import org.bridgeway.referral.domain.ReferralViews;
import org.junit.jupiter.api.Test;

/** FHIR search parameters into the domain's listing, and every refusal naming its parameter. */
class TaskSearchTest {

    @Test
    void ownerStatusAndAnInstantWindow() {
        UUID org = UUID.randomUUID();
        ReferralViews.Changes changes = TaskSearch.parse(
                        "Organization/" + org,
                        "requested,cancelled",
                        List.of("gt2026-11-29T10:00:00Z", "le2026-11-30T10:00:00.5+01:00"),
                        null,
                        null)
                .changes();
        assertEquals(org, changes.organizationId());
        assertEquals(Set.of("requested", "cancelled", "expired"), changes.statuses());
        assertEquals(Instant.parse("2026-11-29T10:00:00Z"), changes.after());
        assertFalse(changes.afterInclusive());
        assertEquals(Instant.parse("2026-11-30T09:00:00.5Z"), changes.before());
        assertTrue(changes.beforeInclusive());
    }

    @Test
    void aDateCoversItsWholeDayAndAnUnencodedPlusIsAnOffset() {
        ReferralViews.Changes afterDay = TaskSearch.parse(
                        null, null, List.of("gt2026-11-29", "lt2026-12-02"), null, null)
                .changes();
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), afterDay.after());
        assertTrue(afterDay.afterInclusive());
        assertEquals(Instant.parse("2026-12-02T00:00:00Z"), afterDay.before());
        assertFalse(afterDay.beforeInclusive());
        ReferralViews.Changes throughDay = TaskSearch.parse(null, null, List.of("le2026-11-29"), null, null)
                .changes();
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), throughDay.before());
        assertFalse(throughDay.beforeInclusive());
        assertEquals(
                Instant.parse("2026-11-29T09:00:00Z"),
                TaskSearch.parse(null, null, List.of("ge2026-11-29T10:00:00 01:00"), null, null)
                        .changes()
                        .after());
    }

    @Test
    void noParametersListEverythingInPagesOfFifty() {
        TaskSearch search = TaskSearch.parse(null, null, null, null, null);
        assertNull(search.changes().organizationId());
        assertNull(search.changes().statuses());
        assertNull(search.changes().after());
        assertEquals(TaskSearch.DEFAULT_COUNT, search.page().size());
        assertEquals(0, search.page().page());
        assertEquals(
                Set.of(), TaskSearch.parse(null, "draft", null, 5, 2).changes().statuses());
    }

    @Test
    void everyBadParameterIsNamed() {
        ApiException e = assertThrows(
                ApiException.class,
                () -> TaskSearch.parse(
                        "Patient/x", "open", List.of("2026-11-29", "gt2026-11-29", "ge2026-11-30"), 0, -1));
        assertEquals(400, e.status());
        assertEquals(
                List.of("owner", "status", "_lastUpdated", "_lastUpdated", "_count", "page"),
                e.toProblem().errors().stream().map(Problem.FieldError::field).toList());
        assertThrows(ApiException.class, () -> TaskSearch.parse("Organization/not-a-uuid", null, null, null, null));
        assertThrows(ApiException.class, () -> TaskSearch.parse(null, null, List.of("gt2026-11-29T10:00"), null, null));
        assertThrows(ApiException.class, () -> TaskSearch.parse(null, null, null, 201, null));
    }
}
