package se.techtank.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.techtank.platform.problem.ProblemMappers;
import se.techtank.platform.testing.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rate limit counts in PostgreSQL, so that replicas share it: two limiters on their own connections to
 * one database (two replicas) let exactly the limit through, however their requests interleave.
 */
class RateLimiterTest {

    private static DataSource database;

    /** A clock the test moves; both "replicas" read it, so the windows are the test's to choose. */
    private static final class TestClock extends Clock {
        volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void migrate() {
        database = TestPostgres.get().dataSource("ratelimit");
        // The platform schema as every service migrates it (platform/src/main/resources/db/platform).
        Flyway.configure()
                .dataSource(database)
                .schemas("platform")
                .locations("classpath:db/platform")
                .table("platform_schema_history")
                .load()
                .migrate();
    }

    @Test
    void allows_the_limit_then_refuses_until_the_window_has_slid_past() {
        String key = "address:" + UUID.randomUUID();
        Duration window = Duration.ofMinutes(10);
        TestClock clock = new TestClock(Instant.parse("2026-10-15T08:02:00Z"));
        RateLimiter limiter = RateLimiter.on(database, clock);

        limiter.acquire(key, 2, window);
        limiter.acquire(key, 2, window);
        assertThatThrownBy(() -> limiter.acquire(key, 2, window))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(8)));
        assertThatCode(() -> limiter.acquire("address:" + UUID.randomUUID(), 2, window))
                .doesNotThrowAnyException();

        // Just past the window's edge the previous window still weighs almost fully: no second burst.
        clock.now = Instant.parse("2026-10-15T08:10:30Z");
        assertThatThrownBy(() -> limiter.acquire(key, 2, window)).isInstanceOf(RateLimitedException.class);
        // A whole window later it no longer counts.
        clock.now = Instant.parse("2026-10-15T08:30:00Z");
        assertThatCode(() -> limiter.acquire(key, 2, window)).doesNotThrowAnyException();
    }

    @Test
    void two_replicas_on_one_database_let_exactly_the_limit_through() throws Exception {
        String key = "address:" + UUID.randomUUID();
        int limit = 50;
        TestClock clock = new TestClock(Instant.parse("2026-10-15T08:00:30Z"));
        // Each replica with a data source of its own: separate connections, only the database in common.
        List<RateLimiter> replicas = List.of(
                RateLimiter.on(TestPostgres.get().dataSource("ratelimit"), clock),
                RateLimiter.on(TestPostgres.get().dataSource("ratelimit"), clock));
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            RateLimiter replica = replicas.get(i % 2);
            calls.add(threads.submit(() -> {
                start.await();
                try {
                    replica.acquire(key, limit, Duration.ofMinutes(1));
                    allowed.incrementAndGet();
                } catch (RateLimitedException e) {
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(allowed.get()).isEqualTo(limit);
        assertThat(refused.get()).isEqualTo(200 - limit);
    }

    @Test
    void a_refusal_answers_429_with_retry_after() {
        var response = new ProblemMappers().domain(new RateLimitedException(Duration.ofSeconds(90)), null);

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("90");
    }
}
