package se.techtank.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import se.techtank.platform.problem.FieldError;

/**
 * Rules between the fields of a request (end after start, one of two fields present, …), checked by bean
 * validation together with the annotations on each field, so that a 422 lists every broken rule at once
 * instead of the field errors first and the rules between fields on the next attempt. Each error names
 * its field as the annotations' errors do.
 */
@Documented
@Constraint(validatedBy = FieldRules.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface FieldRules {

    String message() default "breaks a rule between fields";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A request with rules between its fields. */
    interface Checked {
        /**
         * The broken rules, each naming its field; empty when all hold. Fields that are missing or
         * malformed are left to their own annotations (no error here for them).
         */
        List<FieldError> brokenRules();
    }

    class Validator implements ConstraintValidator<FieldRules, Checked> {
        @Override
        public boolean isValid(Checked value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            List<FieldError> broken = value.brokenRules();
            if (broken.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (FieldError error : broken) {
                context.buildConstraintViolationWithTemplate(literal(error.message()))
                        .addPropertyNode(error.field())
                        .addConstraintViolation();
            }
            return false;
        }

        /** The message as a template that interpolates to itself. */
        private static String literal(String message) {
            return message.replace("\\", "\\\\")
                    .replace("{", "\\{")
                    .replace("}", "\\}")
                    .replace("$", "\\$");
        }
    }
}
