package org.clutch.catalog;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Digits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A price the catalog can hold: up to 12 whole digits and 2 decimals (numeric(14,2)). */
@Digits(integer = 12, fraction = 2)
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Digits12 {
    String message() default "must have at most 12 digits before the decimal point and 2 after";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
