package se.techtank.platform.failure;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells failures of the infrastructure (a database connection lost, no connection free in time, a
 * serialization failure or deadlock, a broker that does not answer) from everything else. The same work
 * done again a little later can succeed after such a failure, and nothing about the request or event
 * was wrong: a consumer retries it without limit, a request is answered 503 with {@code Retry-After}.
 *
 * <p>Everything else (a bug, a constraint the data broke, a payload that does not fit) is not transient:
 * retrying it changes nothing.
 */
public final class TransientFailures {

    private TransientFailures() {}

    /** Whether {@code failure} or any of its causes is a failure of the infrastructure. */
    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure;
                cause != null && seen.put(cause, Boolean.TRUE) == null;
                cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
            if (cause instanceof SocketException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof ConnectException
                    || cause instanceof EOFException
                    || cause instanceof RetriableException) {
                return true;
            }
            if (isHibernateConnectionOrLockFailure(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Agroal's "Sorry, acquisition timeout!": every connection stayed busy for the whole acquisition timeout. */
    public static boolean isPoolExhausted(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure;
                cause != null && seen.put(cause, Boolean.TRUE) == null;
                cause = cause.getCause()) {
            if (cause instanceof SQLException && isAcquisitionTimeout(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        if (isAcquisitionTimeout(e.getMessage())) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("08") // connection exception: lost, refused, broken during the statement
                || state.startsWith("53") // insufficient resources: too many connections, out of memory or disk
                || state.startsWith("57P") // the server is shutting down, crashed or not yet accepting connections
                || state.equals("40001") // serialization failure
                || state.equals("40P01") // deadlock detected
                || state.equals("55P03"); // lock not available
    }

    private static boolean isAcquisitionTimeout(String message) {
        return message != null && message.contains("acquisition timeout");
    }

    /**
     * Hibernate translates the SQL states above into these before the SQLException is reached; checked by
     * name so that the classification does not depend on Hibernate being on the class path.
     */
    private static boolean isHibernateConnectionOrLockFailure(Throwable cause) {
        String name = cause.getClass().getName();
        return name.equals("org.hibernate.exception.JDBCConnectionException")
                || name.equals("org.hibernate.exception.LockAcquisitionException")
                || name.equals("org.hibernate.PessimisticLockException")
                || name.equals("jakarta.persistence.PessimisticLockException")
                || name.equals("jakarta.persistence.LockTimeoutException");
    }
}
