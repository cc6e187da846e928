package se.techtank.platform.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;

/**
 * Runs a job on one replica at a time: every replica's scheduler fires, the first to take the job's lock
 * runs it, and the others skip this run (they do not wait for it to end and then repeat it).
 *
 * <pre>{@code
 * @Scheduled(cron = "...", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
 * void sendReminders() {
 *     jobLock.tryRun("notifications.reminders", reminders::sendDue);
 * }
 * }</pre>
 *
 * <p>The lock is a PostgreSQL advisory lock keyed by {@code hashtext(job)}, held by a transaction of its
 * own on a connection of the platform pool for as long as the work runs. So the work's own transactions
 * (on the service's pool) commit before the lock is let go, and a replica that dies lets go of it with
 * its connection. {@code select pg_advisory_lock(hashtext('<job>'))} in another session holds the job
 * back by hand.
 *
 * <p>The work must commit its transactions itself (a {@code @Transactional} method it calls, or {@code
 * QuarkusTransaction}) and must not be called inside a transaction: the lock would be let go before that
 * transaction commits, and another replica could run the job on what it has not yet seen committed. Such
 * a call fails with {@link IllegalStateException}. The lock keeps two replicas from running the job at the
 * same time; it cannot stop a run whose lock connection was lost midway (say, the database restarted), so
 * a job reads what is still to do rather than assuming it is alone.
 */
@ApplicationScoped
public class JobLock {

    private static final Logger LOG = Logger.getLogger(JobLock.class);

    private final DataSource dataSource;
    private final BooleanSupplier inTransaction;

    @Inject
    JobLock(@io.quarkus.agroal.DataSource("platform") AgroalDataSource dataSource, TransactionManager transactions) {
        this(dataSource, () -> {
            try {
                return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
            } catch (SystemException e) {
                throw new IllegalStateException("Could not tell whether a transaction is active", e);
            }
        });
    }

    /** Locks on connections of {@code dataSource}, which must not take part in the work's transactions. */
    JobLock(DataSource dataSource) {
        this(dataSource, () -> false);
    }

    JobLock(DataSource dataSource, BooleanSupplier inTransaction) {
        this.dataSource = dataSource;
        this.inTransaction = inTransaction;
    }

    /**
     * Runs {@code work} unless another run of {@code job} (on any replica) is under way.
     *
     * @return whether it ran
     */
    public boolean tryRun(String job, Runnable work) {
        return tryCall(job, () -> {
                    work.run();
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    /**
     * Calls {@code work} unless another run of {@code job} (on any replica) is under way.
     *
     * @return what {@code work} returned (not null), or empty when another run held the lock
     */
    public <T> Optional<T> tryCall(String job, Supplier<T> work) {
        if (inTransaction.getAsBoolean()) {
            throw new IllegalStateException(
                    "Job " + job + " was started inside a transaction; its lock would end before that commits");
        }
        Connection connection = open(job);
        boolean ran = false;
        try {
            if (!tryLock(connection, job)) {
                return Optional.empty();
            }
            ran = true;
            return Optional.of(work.get());
        } finally {
            release(connection, job, ran);
        }
    }

    private Connection open(String job) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not lock job " + job + ": no database connection", e);
        }
    }

    private static boolean tryLock(Connection connection, String job) {
        try (PreparedStatement statement =
                connection.prepareStatement("select pg_try_advisory_xact_lock(hashtext(?))")) {
            statement.setString(1, job);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock job " + job, e);
        }
    }

    /**
     * Ends the lock's transaction and hands the connection back. A connection that broke meanwhile took the
     * lock with it: the work's result still stands, but another replica may have run the job as well.
     */
    private static void release(Connection connection, String job, boolean ran) {
        try (connection) {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (ran) {
                LOG.warnf(e, "Job %s lost its lock connection while it ran; another replica may have run it too", job);
            } else {
                LOG.debugf(e, "The lock connection of job %s broke", job);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Could not close a lock connection", e);
            }
        }
    }
}
