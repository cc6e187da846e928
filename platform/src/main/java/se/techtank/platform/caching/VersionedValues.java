package se.techtank.platform.caching;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What {@link SnapshotCache} and {@link RowVersionCache} both keep: per key the last value together with the
 * version of the database it was read from (a snapshot, a row version), given back only for that very
 * version. Bounded: beyond {@code capacity} keys the least recently used is forgotten; a capacity of 0
 * remembers nothing. Counts hits and misses as {@code <metric>_total{cache=…,result=hit|miss}}.
 */
final class VersionedValues<K, V> {

    private record Entry<V>(String version, V value) {}

    private final int capacity;
    private final Map<K, Entry<V>> entries;
    private final Counter hits;
    private final Counter misses;

    VersionedValues(
            String metric,
            String hitDescription,
            String missDescription,
            String name,
            int capacity,
            MeterRegistry registry) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > VersionedValues.this.capacity;
            }
        };
        this.hits = Counter.builder(metric)
                .description(hitDescription)
                .tag("cache", name)
                .tag("result", "hit")
                .register(registry);
        this.misses = Counter.builder(metric)
                .description(missDescription)
                .tag("cache", name)
                .tag("result", "miss")
                .register(registry);
    }

    Optional<V> get(K key, String version, Predicate<? super V> stillValid) {
        if (capacity == 0 || version == null) {
            misses.increment();
            return Optional.empty();
        }
        Entry<V> entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry != null && entry.version().equals(version) && stillValid.test(entry.value())) {
            hits.increment();
            return Optional.of(entry.value());
        }
        misses.increment();
        return Optional.empty();
    }

    void put(K key, String version, V value) {
        if (capacity == 0 || version == null) {
            return;
        }
        synchronized (entries) {
            entries.put(key, new Entry<>(version, value));
        }
    }
}
