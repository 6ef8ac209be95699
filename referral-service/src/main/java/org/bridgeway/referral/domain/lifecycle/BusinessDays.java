package org.bridgeway.referral.domain.lifecycle;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Deadlines counted in business days: Saturdays and Sundays do not count. */
public final class BusinessDays {

    private BusinessDays() {}

    /** {@code days} business days after {@code from}, at the same time of day, in the board's zone. */
    public static Instant add(Instant from, int days, ZoneId zone) {
        ZonedDateTime at = from.atZone(zone);
        // A referral sent on a weekend starts counting on Monday morning's clock time.
        while (isWeekend(at)) {
            at = at.plusDays(1);
        }
        int left = days;
        while (left > 0) {
            at = at.plusDays(1);
            if (!isWeekend(at)) {
                left--;
            }
        }
        return at.toInstant();
    }

    private static boolean isWeekend(ZonedDateTime at) {
        return at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
