package se.techtank.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.Startup;

/**
 * The rows still waiting to be published: counted for the Prometheus gauges and the dependencies health check.
 * Reads are cached briefly so that scrapes and probes do not add load. Created at start-up, so the gauges
 * are there for the first scrape even when nothing has asked for the backlog yet.
 */
@Startup
@ApplicationScoped
public class OutboxBacklog {

    private static final Duration CACHE = Duration.ofSeconds(2);

    /** Unsent rows and the age of the oldest one (zero when none). */
    public record Snapshot(long unsentRows, Duration oldestAge) {}

    private final AgroalDataSource dataSource;
    private volatile Snapshot cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    OutboxBacklog(@DataSource("platform") AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder(
                        "outbox.unsent.rows",
                        this,
                        backlog -> backlog.currentOrEmpty().unsentRows())
                .description("Outbox rows recorded but not yet published to Kafka")
                .register(registry);
        Gauge.builder(
                        "outbox.oldest.unsent.age",
                        this,
                        backlog -> backlog.currentOrEmpty().oldestAge().toMillis() / 1000.0)
                .description("Age of the oldest unpublished outbox row")
                .baseUnit("seconds")
                .register(registry);
    }

    /** The current backlog; throws if the database cannot be read. */
    public Snapshot current() throws SQLException {
        Instant now = Instant.now();
        Snapshot snapshot = cached;
        if (snapshot != null && cachedAt.plus(CACHE).isAfter(now)) {
            return snapshot;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*), min(occurred_at), now() from platform.outbox where sent_at is null");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            long count = rs.getLong(1);
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            OffsetDateTime dbNow = rs.getObject(3, OffsetDateTime.class);
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, dbNow);
            snapshot = new Snapshot(count, age.isNegative() ? Duration.ZERO : age);
        }
        cached = snapshot;
        cachedAt = now;
        return snapshot;
    }

    private Snapshot currentOrEmpty() {
        try {
            return current();
        } catch (SQLException e) {
            return new Snapshot(0, Duration.ZERO);
        }
    }
}
