package org.bridgeway.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The date ranges a person could have meant. "Today" is taken in the zone furthest ahead (UTC+14),
 * so a date that is already today somewhere on Earth is never refused as future.
 */
public final class PlausibleDates {

    public static final LocalDate PROGRAM_START = LocalDate.of(2000, 1, 1);
    private static final java.time.ZoneOffset FURTHEST_AHEAD = java.time.ZoneOffset.ofHours(14);

    private PlausibleDates() {}

    public static LocalDate today() {
        return LocalDate.now(Clock.system(FURTHEST_AHEAD));
    }

    public static boolean isBirthDate(LocalDate date) {
        LocalDate today = today();
        return !date.isAfter(today) && !date.isBefore(today.minusYears(BirthDate.YEARS));
    }

    public static boolean isRecordDate(LocalDate date) {
        return !date.isAfter(today()) && !date.isBefore(PROGRAM_START);
    }

    public static final class BirthDateValidator implements ConstraintValidator<BirthDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || isBirthDate(value);
        }
    }

    public static final class RecordDateValidator implements ConstraintValidator<RecordDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || isRecordDate(value);
        }
    }
}
