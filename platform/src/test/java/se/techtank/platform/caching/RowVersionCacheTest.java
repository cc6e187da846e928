package se.techtank.platform.caching;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowVersionCacheTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void a_rendering_is_given_back_only_for_the_row_version_it_was_made_from() {
        RowVersionCache<String> cache = new RowVersionCache<>("companies", 10, registry);
        cache.put("a", "1234", bytes("{\"name\":\"A\"}"));

        assertThat(cache.get("a", "1234"))
                .hasValueSatisfying(rendering -> assertThat(rendering).isEqualTo(bytes("{\"name\":\"A\"}")));
        assertThat(cache.get("a", "1240")).isEmpty();
        assertThat(cache.get("b", "1234")).isEmpty();
        assertThat(hits()).isEqualTo(1);
        assertThat(misses()).isEqualTo(2);
    }

    @Test
    void rows_read_inside_a_transaction_have_no_version_and_are_neither_reused_nor_remembered() {
        RowVersionCache<String> cache = new RowVersionCache<>("companies", 10, registry);
        cache.put("a", null, bytes("{}"));
        cache.put("b", "7", bytes("{}"));

        assertThat(cache.get("a", null)).isEmpty();
        assertThat(cache.get("b", null)).isEmpty();
        assertThat(misses()).isEqualTo(2);
    }

    @Test
    void a_new_row_version_replaces_the_older_rendering() {
        RowVersionCache<String> cache = new RowVersionCache<>("companies", 10, registry);
        cache.put("a", "100", bytes("{\"name\":\"old\"}"));
        cache.put("a", "101", bytes("{\"name\":\"new\"}"));

        assertThat(cache.get("a", "100")).isEmpty();
        assertThat(cache.get("a", "101"))
                .hasValueSatisfying(rendering -> assertThat(rendering).isEqualTo(bytes("{\"name\":\"new\"}")));
    }

    @Test
    void beyond_its_capacity_the_least_recently_used_row_is_forgotten_and_zero_remembers_nothing() {
        RowVersionCache<String> cache = new RowVersionCache<>("companies", 2, registry);
        cache.put("a", "1", bytes("a"));
        cache.put("b", "1", bytes("b"));
        assertThat(cache.get("a", "1")).isPresent(); // a is now the more recently used
        cache.put("c", "1", bytes("c"));

        assertThat(cache.get("b", "1")).isEmpty();
        assertThat(cache.get("a", "1")).isPresent();
        assertThat(cache.get("c", "1")).isPresent();

        RowVersionCache<String> off = new RowVersionCache<>("off", 0, registry);
        off.put("a", "1", bytes("a"));
        assertThat(off.get("a", "1")).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private double hits() {
        return registry.find("row_version_cache")
                .tags("cache", "companies", "result", "hit")
                .counter()
                .count();
    }

    private double misses() {
        return registry.find("row_version_cache")
                .tags("cache", "companies", "result", "miss")
                .counter()
                .count();
    }
}
