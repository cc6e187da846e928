package se.techtank.platform.caching;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import io.agroal.api.AgroalDataSource;

/**
 * Reads through a {@link SnapshotCache} when the computation is several statements (an entity query and
 * its count, say): the snapshot is read before and after, and the result is remembered only when the two
 * are the same, i.e. no transaction committed or aborted in between, so every statement of the
 * computation read exactly what a statement in that snapshot reads.
 */
@ApplicationScoped
public class DatabaseSnapshots {

    private final AgroalDataSource dataSource;
    private final TransactionManager transactions;

    DatabaseSnapshots(AgroalDataSource dataSource, TransactionManager transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /**
     * The value for {@code key}: remembered from a read in the current snapshot, or computed now by
     * {@code compute} (which must only read). Inside a transaction it is always computed.
     */
    public <V> V read(SnapshotCache<V> cache, String key, Supplier<V> compute) {
        if (inTransaction()) {
            return compute.get();
        }
        String before = current();
        Optional<V> remembered = cache.get(key, before);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        V value = compute.get();
        if (before.equals(current())) {
            cache.put(key, before, value);
        }
        return value;
    }

    private String current() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet snapshot = statement.executeQuery("select " + SnapshotCache.SNAPSHOT_COLUMN)) {
            snapshot.next();
            return snapshot.getString(1);
        } catch (SQLException e) {
            throw new PersistenceException("Reading the database snapshot failed", e);
        }
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return true;
        }
    }
}
