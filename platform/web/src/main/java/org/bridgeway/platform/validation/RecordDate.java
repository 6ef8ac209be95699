package org.bridgeway.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The date something happened in the program (a survey given, a consent recorded): since 2000, not in the future. */
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleDates.RecordDateValidator.class)
public @interface RecordDate {

    String message() default "must be between 2000-01-01 and today";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
