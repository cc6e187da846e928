package se.techtank.platform.caching;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import se.techtank.platform.jdbc.PlainSql;

/**
 * Reads through a {@link SnapshotCache} when the computation is several statements (an entity query and
 * its count, say): the snapshot is read before and after, and the result is remembered only when the two
 * are the same, i.e. no transaction committed or aborted in between, so every statement of the
 * computation read exactly what a statement in that snapshot reads.
 *
 * <p>The snapshot is read on the connection of the request's Hibernate session, which the computation's
 * queries use too. Outside a transaction that session keeps the connection it first took until the request
 * ends; reading the snapshot on a second connection would make every request that computes hold one
 * connection while waiting for another, and as many such requests as the pool has connections wait on each
 * other until the acquisition timeout (seen in the programmes benchmark when a commit made fifty catalogue
 * requests compute at once).
 */
@ApplicationScoped
public class DatabaseSnapshots {

    private final EntityManager entityManager;
    private final TransactionManager transactions;

    DatabaseSnapshots(EntityManager entityManager, TransactionManager transactions) {
        this.entityManager = entityManager;
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
        // Prepared by the driver once per connection: it runs on every reused read.
        return PlainSql.first(entityManager, "select " + SnapshotCache.SNAPSHOT_COLUMN, row -> row.getString(1))
                .orElseThrow(() -> new PersistenceException("The database gave no snapshot"));
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return true;
        }
    }
}
