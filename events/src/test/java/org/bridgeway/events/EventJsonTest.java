package org.bridgeway.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void flaggedRoundTripsAndDatesAreIso() {
        ScreeningFlagged flagged = new ScreeningFlagged(
                UUID.randomUUID(),
                "ref-1",
                "b1",
                "s1",
                9,
                14,
                "needs-survey",
                1,
                LocalDate.of(2026, 10, 5),
                Map.of("home", "high"),
                List.of("family-support"),
                3,
                Instant.parse("2026-10-05T10:15:30Z"));
        String json = EventJson.write(flagged);
        assertTrue(json.contains("\"administeredOn\":\"2026-10-05\""), json);
        assertTrue(json.contains("\"flaggedAt\":\"2026-10-05T10:15:30Z\""), json);
        assertEquals(flagged, EventJson.read(json, ScreeningFlagged.class));
    }

    @Test
    void typesAreNamespacedAndUnique() {
        assertEquals("org.bridgeway.screening.ScreeningFlagged.v1", EventType.SCREENING_FLAGGED.type());
        assertEquals(
                EventType.CASE_CLOSED,
                EventType.ofType("org.bridgeway.referral.CaseClosed.v1").orElseThrow());
        assertFalse(EventType.ofType("org.bridgeway.unknown.v1").isPresent());
        assertEquals(
                EventType.values().length,
                java.util.Arrays.stream(EventType.values())
                        .map(EventType::type)
                        .distinct()
                        .count());
    }

    @Test
    void garbageIsRejectedAsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> EventJson.read("{not json", CaseClosed.class));
    }
}
