package se.techtank.platform.problem;

import java.util.List;

/** Well-formed input that breaks a rule the annotations cannot express: answers 422 like bean validation. */
public class RuleViolationException extends DomainException {

    public RuleViolationException(String field, String message) {
        super(
                Kind.RULE_VIOLATION,
                ProblemMappers.VALIDATION_FAILED,
                "Validation failed",
                message,
                List.of(new FieldError(field, message)));
    }

    /** Several rules broken at once: every one is listed. */
    public RuleViolationException(List<FieldError> errors) {
        super(
                Kind.RULE_VIOLATION,
                ProblemMappers.VALIDATION_FAILED,
                "Validation failed",
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid.",
                errors);
    }
}
