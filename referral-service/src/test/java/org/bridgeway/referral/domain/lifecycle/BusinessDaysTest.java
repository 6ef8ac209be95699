package org.bridgeway.referral.domain.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessDaysTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @ParameterizedTest(name = "{0} + {1} business days = {2}")
    @CsvSource({
        // Monday 2026-11-30 10:00 local
        "2026-11-30T15:00:00Z, 2, 2026-12-02T15:00:00Z",
        // Thursday + 2 skips the weekend to Monday
        "2026-12-03T15:00:00Z, 2, 2026-12-07T15:00:00Z",
        // Friday + 1 is Monday
        "2026-12-04T15:00:00Z, 1, 2026-12-07T15:00:00Z",
        // Saturday counts from Monday: + 2 is Wednesday
        "2026-12-05T15:00:00Z, 2, 2026-12-09T15:00:00Z",
        // Sunday + 1 is Tuesday
        "2026-12-06T15:00:00Z, 1, 2026-12-08T15:00:00Z"
    })
    void weekendsAreSkipped(String from, int days, String due) {
        assertEquals(Instant.parse(due), BusinessDays.add(Instant.parse(from), days, TORONTO));
    }
}
