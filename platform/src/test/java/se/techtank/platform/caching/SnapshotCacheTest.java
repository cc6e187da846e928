package se.techtank.platform.caching;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotCacheTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void a_value_is_given_back_only_for_the_snapshot_it_was_read_in() {
        SnapshotCache<String, Long> cache = new SnapshotCache<>("companies", 10, registry);
        cache.put("q=a", "100:105:101,103", 42L);

        assertThat(cache.get("q=a", "100:105:101,103")).contains(42L);
        assertThat(cache.get("q=a", "100:106:101,103")).isEmpty();
        assertThat(cache.get("q=a", "101:105:103")).isEmpty();
        assertThat(cache.get("q=b", "100:105:101,103")).isEmpty();
        assertThat(cache.get("q=a", null)).isEmpty();
        assertThat(hits("companies")).isEqualTo(1);
        assertThat(misses("companies")).isEqualTo(4);
    }

    @Test
    void a_value_that_also_depends_on_something_else_is_given_back_only_while_it_still_holds() {
        SnapshotCache<String, Long> cache = new SnapshotCache<>("meetings", 10, registry);
        cache.put("list", "100:105:", 1_000L); // say, valid until t = 1000

        assertThat(cache.get("list", "100:105:", validUntil -> 999 < validUntil))
                .contains(1_000L);
        assertThat(cache.get("list", "100:105:", validUntil -> 1_000 < validUntil))
                .isEmpty();
        assertThat(cache.get("list", "100:106:", validUntil -> 999 < validUntil))
                .isEmpty();
        assertThat(hits("meetings")).isEqualTo(1);
        assertThat(misses("meetings")).isEqualTo(2);
    }

    @Test
    void a_newer_read_replaces_the_older_one() {
        SnapshotCache<String, Long> cache = new SnapshotCache<>("companies", 10, registry);
        cache.put("q=a", "100:105:", 42L);
        cache.put("q=a", "100:106:", 43L);

        assertThat(cache.get("q=a", "100:105:")).isEmpty();
        assertThat(cache.get("q=a", "100:106:")).contains(43L);
    }

    @Test
    void beyond_its_capacity_the_least_recently_used_key_is_forgotten() {
        SnapshotCache<String, Long> cache = new SnapshotCache<>("companies", 2, registry);
        cache.put("q=a", "1:2:", 1L);
        cache.put("q=b", "1:2:", 2L);
        assertThat(cache.get("q=a", "1:2:")).contains(1L); // a is now the more recently used
        cache.put("q=c", "1:2:", 3L);

        assertThat(cache.get("q=b", "1:2:")).isEmpty();
        assertThat(cache.get("q=a", "1:2:")).contains(1L);
        assertThat(cache.get("q=c", "1:2:")).contains(3L);
    }

    @Test
    void a_capacity_of_zero_remembers_nothing() {
        SnapshotCache<String, Long> cache = new SnapshotCache<>("meetings", 0, registry);
        cache.put("q=a", "1:2:", 1L);

        assertThat(cache.get("q=a", "1:2:")).isEmpty();
        assertThat(misses("meetings")).isEqualTo(1);
    }

    private double hits(String cache) {
        return registry.find("snapshot_cache")
                .tags("cache", cache, "result", "hit")
                .counter()
                .count();
    }

    private double misses(String cache) {
        return registry.find("snapshot_cache")
                .tags("cache", cache, "result", "miss")
                .counter()
                .count();
    }
}
