package se.techtank.platform.paging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotTotalsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void a_total_is_given_back_only_for_the_snapshot_it_was_counted_in() {
        SnapshotTotals totals = new SnapshotTotals("companies", 10, registry);
        totals.put("q=a", "100:105:101,103", 42);

        assertThat(totals.get("q=a", "100:105:101,103")).hasValue(42);
        assertThat(totals.get("q=a", "100:106:101,103")).isEmpty();
        assertThat(totals.get("q=a", "101:105:103")).isEmpty();
        assertThat(totals.get("q=b", "100:105:101,103")).isEmpty();
        assertThat(totals.get("q=a", null)).isEmpty();
        assertThat(hits("companies")).isEqualTo(1);
        assertThat(misses("companies")).isEqualTo(4);
    }

    @Test
    void a_newer_count_replaces_the_older_one() {
        SnapshotTotals totals = new SnapshotTotals("companies", 10, registry);
        totals.put("q=a", "100:105:", 42);
        totals.put("q=a", "100:106:", 43);

        assertThat(totals.get("q=a", "100:105:")).isEmpty();
        assertThat(totals.get("q=a", "100:106:")).hasValue(43);
    }

    @Test
    void beyond_its_capacity_the_least_recently_used_query_is_forgotten() {
        SnapshotTotals totals = new SnapshotTotals("companies", 2, registry);
        totals.put("q=a", "1:2:", 1);
        totals.put("q=b", "1:2:", 2);
        assertThat(totals.get("q=a", "1:2:")).hasValue(1); // a is now the more recently used
        totals.put("q=c", "1:2:", 3);

        assertThat(totals.get("q=b", "1:2:")).isEmpty();
        assertThat(totals.get("q=a", "1:2:")).hasValue(1);
        assertThat(totals.get("q=c", "1:2:")).hasValue(3);
    }

    @Test
    void a_capacity_of_zero_remembers_nothing() {
        SnapshotTotals totals = new SnapshotTotals("meetings", 0, registry);
        totals.put("q=a", "1:2:", 1);

        assertThat(totals.get("q=a", "1:2:")).isEmpty();
        assertThat(misses("meetings")).isEqualTo(1);
    }

    private double hits(String list) {
        return registry.find("list_totals")
                .tags("list", list, "result", "hit")
                .counter()
                .count();
    }

    private double misses(String list) {
        return registry.find("list_totals")
                .tags("list", list, "result", "miss")
                .counter()
                .count();
    }
}
