package se.techtank.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

/** Deletes published outbox rows once they are older than {@code techtank.outbox.retention}. */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;

    OutboxRetention(@DataSource("platform") AgroalDataSource dataSource, OutboxConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Every replica may run this: deleting the same old rows twice is harmless. */
    @Scheduled(
            every = "${techtank.outbox.retention-check-every:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteSentRows() {
        try {
            int deleted = deleteSentBefore(config.retention());
            if (deleted > 0) {
                LOG.infof("Deleted %d published outbox rows older than %s", deleted, config.retention());
            }
        } catch (java.sql.SQLException e) {
            LOG.warn("Could not delete published outbox rows", e);
        }
    }

    public int deleteSentBefore(java.time.Duration age) throws java.sql.SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "delete from platform.outbox where sent_at < now() - ?::interval")) {
            statement.setString(1, age.toSeconds() + " seconds");
            return statement.executeUpdate();
        }
    }
}
