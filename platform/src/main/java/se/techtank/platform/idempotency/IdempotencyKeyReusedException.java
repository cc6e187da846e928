package se.techtank.platform.idempotency;

import java.util.List;

import se.techtank.platform.problem.DomainException;
import se.techtank.platform.problem.FieldError;

/** The key was used before for another request (other body or operation): 422, nothing done. */
public class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException() {
        super(
                Kind.RULE_VIOLATION,
                "idempotency-key-reused",
                "Idempotency key reused",
                "This Idempotency-Key was used for a different request; use a new key for a new request.",
                List.of(new FieldError("Idempotency-Key", "was used for a different request")));
    }
}
