package se.techtank.members.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The code of a {@link Consent}; null is left to @NotNull. */
@Documented
@Constraint(validatedBy = ValidConsent.Validator.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidConsent {

    String message() default "must be one of MEETING_INVITATIONS, PROGRAMME_NEWS, NEWSLETTER";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidConsent, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Consent.of(value).isPresent();
        }
    }
}
