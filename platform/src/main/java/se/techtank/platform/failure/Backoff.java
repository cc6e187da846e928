package se.techtank.platform.failure;

import java.time.Duration;

/** How long to wait before trying again: the same doubling wherever a failure is retried. */
public final class Backoff {

    private Backoff() {}

    /**
     * {@code first} after the first failure, doubled per further failure, at most {@code max} (a {@code max}
     * below {@code first} counts as {@code first}); any number of failures, without overflow.
     */
    public static Duration doubling(Duration first, Duration max, int failures) {
        Duration cap = max.compareTo(first) < 0 ? first : max;
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }
}
