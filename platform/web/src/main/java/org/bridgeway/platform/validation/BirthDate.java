package org.bridgeway.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A student's date of birth: within the last {@value #YEARS} years, not in the future. */
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleDates.BirthDateValidator.class)
public @interface BirthDate {

    int YEARS = 30;

    String message() default "must be within the last " + YEARS + " years and not in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
