package se.techtank.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import se.techtank.platform.problem.ProblemMappers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    private Instant now = Instant.parse("2026-10-15T08:00:00Z");
    private final RateLimiter limiter = new RateLimiter(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void allows_the_limit_per_window_then_refuses_until_the_oldest_request_leaves_the_window() {
        Duration window = Duration.ofMinutes(10);
        limiter.acquire("10.0.0.1", 2, window);
        now = now.plusSeconds(60);
        limiter.acquire("10.0.0.1", 2, window);

        assertThatThrownBy(() -> limiter.acquire("10.0.0.1", 2, window))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(9)));
        assertThatCode(() -> limiter.acquire("10.0.0.2", 2, window)).doesNotThrowAnyException();

        now = now.plus(Duration.ofMinutes(9)).plusSeconds(1);
        assertThatCode(() -> limiter.acquire("10.0.0.1", 2, window)).doesNotThrowAnyException();
    }

    @Test
    void a_refusal_answers_429_with_retry_after() {
        var response = new ProblemMappers().domain(new RateLimitedException(Duration.ofSeconds(90)), null);

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("90");
    }
}
