package se.techtank.platform.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.logging.Logger;

/**
 * A limit per key (a client address; an address at one meeting) for anonymous endpoints, counted in the
 * service's database ({@code platform.rate_limit}), so that every replica counts against the same limit: with
 * counts in each replica's memory, N replicas let a script through N times.
 *
 * <p>Each request costs one atomic upsert, which adds its hit to the current fixed window and reads the
 * previous window's hits. The limit applies to a sliding window, approximated as the current window's hits
 * plus the previous window's weighted by the share of it that still lies within one window's length of now:
 * no burst of twice the limit across a window's edge, and no state beyond two rows per key. A refused request
 * counts too, so a client that keeps trying stays refused. {@code Retry-After} is the time until the
 * current window ends (a lower bound: right after it, the previous window still weighs).
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    /** Windows older than this are deleted; longer than any window in use. */
    private static final Duration KEEP = Duration.ofDays(2);

    private static final String HIT = """
            with hit as (
                insert into platform.rate_limit as r (key, window_start, hits) values (?, ?, 1)
                on conflict (key, window_start) do update set hits = r.hits + 1
                returning hits)
            select hit.hits,
                   coalesce((select hits from platform.rate_limit where key = ? and window_start = ?), 0)
            from hit
            """;

    private final DataSource dataSource;
    private final Clock clock;

    @Inject
    RateLimiter(@io.quarkus.agroal.DataSource("platform") AgroalDataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    private RateLimiter(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A limiter on {@code dataSource} (a database with {@code platform.rate_limit}), for tests and tools. */
    public static RateLimiter on(DataSource dataSource, Clock clock) {
        return new RateLimiter(dataSource, clock);
    }

    /**
     * The client's address, as the limits key it: behind an ingress the one it forwards (with
     * {@code HTTP_PROXY_FORWARDING=true}), else the connection's peer.
     */
    public static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    /**
     * Counts one request of {@code key} against {@code limit} requests per {@code window}.
     *
     * @throws RateLimitedException (429) when the limit is reached, with the time until the window ends
     */
    public void acquire(String key, int limit, Duration window) {
        long now = clock.millis();
        long length = window.toMillis();
        long currentStart = Math.floorDiv(now, length) * length;
        long previousStart = currentStart - length;
        int current;
        int previous;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(HIT)) {
            statement.setString(1, key);
            statement.setTimestamp(2, new Timestamp(currentStart));
            statement.setString(3, key);
            statement.setTimestamp(4, new Timestamp(previousStart));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                current = row.getInt(1);
                previous = row.getInt(2);
            }
        } catch (SQLException e) {
            throw new PersistenceException("Counting a request against its rate limit failed", e);
        }
        double previousWeight = (double) (currentStart + length - now) / length;
        if (current + previous * previousWeight > limit) {
            throw new RateLimitedException(Duration.ofMillis(currentStart + length - now));
        }
    }

    /** Deletes windows nobody counts against any more; every replica may run it. */
    @Scheduled(
            every = "1h",
            delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteOldWindows() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("delete from platform.rate_limit where window_start < ?")) {
            statement.setTimestamp(1, Timestamp.from(Instant.now(clock).minus(KEEP)));
            int deleted = statement.executeUpdate();
            if (deleted > 0) {
                LOG.debugf("Deleted %d old rate-limit windows", deleted);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not delete old rate-limit windows", e);
        }
    }
}
