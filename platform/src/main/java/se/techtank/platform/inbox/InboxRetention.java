package se.techtank.platform.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

/**
 * Deletes processed event ids once they are older than {@code techtank.inbox.retention}: without it the
 * inbox grows by one row per consumed event for ever.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);

    private final AgroalDataSource dataSource;
    private final InboxConfig config;

    InboxRetention(@DataSource("platform") AgroalDataSource dataSource, InboxConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Every replica may run this: deleting the same old rows twice is harmless. */
    @Scheduled(
            every = "${techtank.inbox.retention-check-every:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteOldIds() {
        try {
            int deleted = deleteProcessedBefore(config.retention());
            if (deleted > 0) {
                LOG.infof("Deleted %d inbox ids processed more than %s ago", deleted, config.retention());
            }
        } catch (SQLException e) {
            LOG.warn("Could not delete old inbox ids", e);
        }
    }

    /** Deletes the ids processed longer than {@code age} ago; returns how many. */
    public int deleteProcessedBefore(Duration age) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return deleteProcessedBefore(connection, age);
        }
    }

    static int deleteProcessedBefore(Connection connection, Duration age) throws SQLException {
        try (var statement =
                connection.prepareStatement("delete from platform.inbox where processed_at < now() - ?::interval")) {
            statement.setString(1, age.toSeconds() + " seconds");
            return statement.executeUpdate();
        }
    }
}
