package se.techtank.platform.caching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Predicate;
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
    public <K, V> V read(SnapshotCache<K, V> cache, K key, Supplier<V> compute) {
        return read(cache, key, value -> true, compute);
    }

    /**
     * As {@link #read(SnapshotCache, Object, Supplier)}, for a value that also depends on something other than
     * the database, the time say: a value remembered in the current snapshot is given back only while
     * {@code stillValid} holds for it, and computed afresh (and remembered instead) otherwise.
     */
    public <K, V> V read(SnapshotCache<K, V> cache, K key, Predicate<? super V> stillValid, Supplier<V> compute) {
        if (inTransaction()) {
            return compute.get();
        }
        String before = current();
        Optional<V> remembered = cache.get(key, before, stillValid);
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
        // Prepared, so that the driver prepares it once per connection: it runs on every reused read.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select " + SnapshotCache.SNAPSHOT_COLUMN);
                ResultSet snapshot = statement.executeQuery()) {
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
