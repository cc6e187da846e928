package se.techtank.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A sliding-window limit per key (e.g. per client address) for anonymous endpoints. It counts in this
 * replica's memory: with N replicas a client gets at most N times the limit, which is enough to stop
 * a script from flooding a public form; a shared limit belongs in the ingress.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();
    private final Clock clock;

    public RateLimiter() {
        this(Clock.systemUTC());
    }

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts one request of {@code key} against {@code limit} requests per {@code window}.
     *
     * @throws RateLimitedException (429) when the limit is reached, with the time until a slot frees
     */
    public void acquire(String key, int limit, Duration window) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(window);
        if (hits.size() > MAX_KEYS) {
            hits.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(windowStart));
        }
        Deque<Instant> times = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                throw new RateLimitedException(Duration.between(windowStart, times.peekFirst()));
            }
            times.addLast(now);
        }
    }
}
