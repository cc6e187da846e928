package se.techtank.platform.failure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void the_pause_doubles_per_failure_up_to_the_cap_without_overflow() {
        Duration first = Duration.ofMinutes(1);
        Duration max = Duration.ofHours(1);
        assertThat(Backoff.doubling(first, max, 1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Backoff.doubling(first, max, 2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Backoff.doubling(first, max, 6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(Backoff.doubling(first, max, 7)).isEqualTo(Duration.ofHours(1));
        assertThat(Backoff.doubling(first, max, 1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_cap_below_the_first_pause_is_raised_to_it() {
        assertThat(Backoff.doubling(Duration.ofMillis(500), Duration.ofMillis(100), 1))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.doubling(Duration.ofMillis(500), Duration.ofMillis(100), 4))
                .isEqualTo(Duration.ofMillis(500));
    }
}
