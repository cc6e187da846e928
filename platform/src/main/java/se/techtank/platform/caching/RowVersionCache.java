package se.techtank.platform.caching;

import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Renderings of database rows (a row's JSON, say), each remembered together with the version of the row it
 * was made from and given back only for that very version: exact, not "fresh enough" (ADR 0010). Where
 * {@link SnapshotCache} reuses a whole read while nothing in the database changed, this reuses the work on
 * each unchanged row however much else changed.
 *
 * <p>PostgreSQL never changes a row version in place: every UPDATE writes a new version, stamped in the
 * system column {@code xmin} with the id of the transaction that wrote it ({@link #VERSION_COLUMN}). So
 * whoever changes a row (this service, another replica, an operator's SQL), it is read with a new xmin
 * afterwards, and a rendering remembered for the old xmin is not given back for it.
 *
 * <p>Only for rows read outside a transaction. A statement outside one sees committed row versions only,
 * and of each row at most one version per writing transaction ever becomes visible (a transaction that
 * updates a row twice leaves its first version dead when it commits), so (key, xmin) names one content.
 * Inside a transaction that has updated a row twice, both of its versions carry that transaction's xmin:
 * a rendering of the first would be given back for the second. Callers pass a null version there, which
 * neither reuses nor remembers anything.
 *
 * <p>Limits of "exact": xmin is a 32-bit transaction id, so after about four billion transactions in the
 * database the same id is handed out again. A rendering would be served wrongly only if it was still
 * remembered then (the least recently used is forgotten beyond {@code capacity}, and a restart forgets
 * all) and the transaction with exactly its row's old id wrote that very row. And versions are those of one
 * database cluster: a running service switched to another one (a restored dump, a logical replica) must be
 * restarted.
 *
 * <p>Bounded: beyond {@code capacity} keys the least recently used is forgotten (one rendering per key, the
 * last one made); a capacity of 0 remembers nothing. Metrics:
 * {@code row_version_cache_total{cache=…,result=hit|miss}}, counted per row.
 *
 * @param <K> what identifies a row: its primary key
 */
public final class RowVersionCache<K> {

    /**
     * Select this next to a row's columns to learn its version, as text ({@code company.xmin::text} when
     * several tables are read).
     */
    public static final String VERSION_COLUMN = "xmin::text";

    private final VersionedValues<K, byte[]> renderings;

    /**
     * @param name the cache's name in the metrics
     * @param capacity how many rows to remember a rendering of; 0 remembers nothing
     */
    public RowVersionCache(String name, int capacity, MeterRegistry registry) {
        this.renderings = new VersionedValues<>(
                "row_version_cache",
                "Rows whose rendering of the same row version was reused",
                "Rows rendered afresh",
                name,
                capacity,
                registry);
    }

    /**
     * What was rendered for the row {@code key} in exactly {@code version}, if remembered; never for a null
     * version (read inside a transaction). The bytes are shared: do not change them.
     */
    public Optional<byte[]> get(K key, String version) {
        return renderings.get(key, version, rendering -> true);
    }

    /**
     * Remembers {@code rendering} as made from the row {@code key} in {@code version} (replacing the one of an
     * older version); nothing for a null version. The bytes must not be changed afterwards.
     */
    public void put(K key, String version, byte[] rendering) {
        renderings.put(key, version, rendering);
    }
}
