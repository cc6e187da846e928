package se.techtank.platform.paging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The totals of list queries, each remembered together with the database snapshot it was counted in, so that
 * paging through a large match does not count it again while nothing in the database changed (ADR 0006).
 *
 * <p>A {@code count(*)} of a large match reads every matching row, and is most of what a list request costs
 * PostgreSQL. A total counted in snapshot S is, exactly, the total of any later statement that reads in
 * snapshot S too: both see the same committed transactions. PostgreSQL names a statement's snapshot with
 * {@code pg_current_snapshot()} ({@code xmin:xmax:in-progress xids}); the page query selects it next to its
 * rows ({@link #SNAPSHOT_COLUMN}), the count query likewise, and a remembered total is used only for a page
 * read in the very snapshot it was counted in. Any transaction that commits or begins writing anywhere in the
 * database changes the snapshot of later statements, so a total is never served across a change.
 *
 * <p>Only for statements in auto-commit (a list outside any transaction): inside a transaction that has
 * written, its own uncommitted rows are visible to it although its snapshot reads the same as another
 * session's. Bounded: the least recently used query is forgotten beyond {@code capacity}; 0 turns it off.
 */
public final class SnapshotTotals {

    /** Select this in the page and the count statements: the statement's snapshot as text. */
    public static final String SNAPSHOT_COLUMN = "pg_current_snapshot()::text";

    private record Total(String snapshot, long count) {}

    private final int capacity;
    private final Map<String, Total> totals;
    private final Counter hits;
    private final Counter misses;

    /**
     * @param list the list's name in the metrics ({@code list_totals_total{list=…,result=hit|miss}})
     * @param capacity how many distinct queries to remember; 0 remembers nothing
     */
    public SnapshotTotals(String list, int capacity, MeterRegistry registry) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
        this.totals = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Total> eldest) {
                return size() > SnapshotTotals.this.capacity;
            }
        };
        this.hits = Counter.builder("list_totals")
                .description("List totals taken from an earlier count in the same database snapshot")
                .tag("list", list)
                .tag("result", "hit")
                .register(registry);
        this.misses = Counter.builder("list_totals")
                .description("List totals that had to be counted")
                .tag("list", list)
                .tag("result", "miss")
                .register(registry);
    }

    /** The total of {@code query} counted in exactly {@code snapshot}, if remembered. */
    public OptionalLong get(String query, String snapshot) {
        if (capacity == 0 || snapshot == null) {
            misses.increment();
            return OptionalLong.empty();
        }
        Total total;
        synchronized (totals) {
            total = totals.get(query);
        }
        if (total != null && total.snapshot().equals(snapshot)) {
            hits.increment();
            return OptionalLong.of(total.count());
        }
        misses.increment();
        return OptionalLong.empty();
    }

    /** Remembers {@code count} as the total of {@code query} in {@code snapshot} (replacing an older one). */
    public void put(String query, String snapshot, long count) {
        if (capacity == 0 || snapshot == null) {
            return;
        }
        synchronized (totals) {
            totals.put(query, new Total(snapshot, count));
        }
    }
}
