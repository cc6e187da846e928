package se.techtank.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A valid organisationsnummer in any accepted form (see {@link OrganisationNumber}); null is left to @NotNull. */
@Documented
@Constraint(validatedBy = ValidOrganisationNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidOrganisationNumber {

    String message() default
            "must be a Swedish organisation number (NNNNNN-NNNN, digits 3-4 at least 20, valid check digit)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidOrganisationNumber, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || OrganisationNumber.isValid(value);
        }
    }
}
