package se.techtank.platform.idempotency;

import java.time.Duration;

import se.techtank.platform.problem.DomainException;
import se.techtank.platform.problem.RetryLater;

/** The first request with this key is still being processed: 409 with {@code Retry-After}, nothing done. */
public class IdempotencyKeyInProgressException extends DomainException implements RetryLater {

    public IdempotencyKeyInProgressException() {
        super(
                Kind.CONFLICT,
                "idempotency-key-in-progress",
                "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry in a moment to get its answer.");
    }

    @Override
    public Duration retryAfter() {
        return Duration.ofSeconds(1);
    }
}
