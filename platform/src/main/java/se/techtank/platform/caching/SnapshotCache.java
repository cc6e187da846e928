package se.techtank.platform.caching;

import java.util.Optional;
import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Results of read-only queries, each remembered together with the database snapshot it was read in, and
 * given back only for a later read in that very snapshot: exact, not "fresh enough" (ADR 0010).
 *
 * <p>A result read in snapshot S is, exactly, what any later statement reading in snapshot S would read:
 * both see the same committed transactions. PostgreSQL names a statement's snapshot with
 * {@code pg_current_snapshot()} ({@code xmin:xmax:in-progress xids}); a query selects it next to its rows
 * ({@link #SNAPSHOT_COLUMN}), or {@link DatabaseSnapshots} reads it before and after a computation. Any
 * transaction that commits or aborts anywhere in the database changes the snapshot of later statements, so a
 * result is never served across a change, whoever made it (another replica, an operator's SQL).
 *
 * <p>Only for reads outside a transaction: one that has written sees its own rows in a snapshot that reads
 * the same as another session's. Bounded: beyond {@code capacity} keys the least recently used is forgotten;
 * a capacity of 0 remembers nothing. Metrics: {@code snapshot_cache_total{cache=…,result=hit|miss}}.
 *
 * @param <K> what a result is remembered by: equal keys must select the same rows in the same snapshot
 * @param <V> what is remembered; immutable, as it is shared between requests
 */
public final class SnapshotCache<K, V> {

    /** Select this in a statement to learn the snapshot it read in, as text. */
    public static final String SNAPSHOT_COLUMN = "pg_current_snapshot()::text";

    private final VersionedValues<K, V> values;

    /**
     * @param name the cache's name in the metrics
     * @param capacity how many keys to remember; 0 remembers nothing
     */
    public SnapshotCache(String name, int capacity, MeterRegistry registry) {
        this.values = new VersionedValues<>(
                "snapshot_cache",
                "Reads answered from an earlier read in the same database snapshot",
                "Reads that had to go to the database",
                name,
                capacity,
                registry);
    }

    /** What was read for {@code key} in exactly {@code snapshot}, if remembered. */
    public Optional<V> get(K key, String snapshot) {
        return get(key, snapshot, value -> true);
    }

    /**
     * What was read for {@code key} in exactly {@code snapshot}, if remembered and {@code stillValid} holds
     * for it (a value that also depends on the time, say).
     */
    public Optional<V> get(K key, String snapshot, Predicate<? super V> stillValid) {
        return values.get(key, snapshot, stillValid);
    }

    /** Remembers {@code value} as read for {@code key} in {@code snapshot} (replacing an older one). */
    public void put(K key, String snapshot, V value) {
        values.put(key, snapshot, value);
    }
}
