package se.techtank.platform.ratelimit;

import java.time.Duration;

import se.techtank.platform.problem.DomainException;
import se.techtank.platform.problem.RetryLater;

/** Too many requests from one client: answers 429 with {@code Retry-After}. */
public class RateLimitedException extends DomainException implements RetryLater {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super(
                Kind.RATE_LIMITED,
                "rate-limited",
                "Too many requests",
                "Too many requests from your address; try again in " + Math.max(1, retryAfter.toSeconds()) + " s.");
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
