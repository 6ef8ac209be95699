package org.bridgeway.referral.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void countsUnderFiveAreHidden() {
        assertNull(Suppression.count(4));
        assertEquals(5L, Suppression.count(5));
    }

    @Test
    void aSingleHiddenCellTakesTheNextSmallestWithIt() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("at-capacity", 3L);
        counts.put("not-eligible", 6L);
        counts.put("other", 9L);
        Map<String, Long> shown = Suppression.breakdown(counts);
        assertNull(shown.get("at-capacity"));
        assertNull(shown.get("not-eligible"));
        assertEquals(9L, shown.get("other"));
    }

    @Test
    void aRateNeedsBothCountsAndTheirDifferenceShown() {
        assertNull(Suppression.rate(4, 20));
        assertNull(Suppression.rate(6, 8));
        assertEquals(1.0, Suppression.rate(6, 6));
        assertEquals(0.5, Suppression.rate(10, 20));
        assertNull(Suppression.figure(3.0, 4));
        assertEquals(3.0, Suppression.figure(3.0, 5));
    }
}
