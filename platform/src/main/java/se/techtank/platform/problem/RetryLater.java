package se.techtank.platform.problem;

import java.time.Duration;

/** A failure the client may retry after a while: the answer carries {@code Retry-After}. */
public interface RetryLater {

    Duration retryAfter();
}
