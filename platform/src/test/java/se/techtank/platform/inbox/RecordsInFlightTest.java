package se.techtank.platform.inbox;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordsInFlightTest {

    private final RecordsInFlight inFlight = new RecordsInFlight();

    @Test
    void with_nothing_in_flight_there_is_nothing_to_wait_for() throws Exception {
        assertThat(inFlight.awaitNone(Duration.ZERO)).isTrue();
    }

    @Test
    void waits_until_the_last_record_is_processed() throws Exception {
        inFlight.enter();
        inFlight.enter();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> none = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return inFlight.awaitNone(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        inFlight.exit();
        assertThat(inFlight.count()).isEqualTo(1);
        assertThat(none).isNotDone();
        inFlight.exit();

        assertThat(none.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void gives_up_after_the_timeout_while_a_record_is_still_processed() throws Exception {
        inFlight.enter();

        assertThat(inFlight.awaitNone(Duration.ofMillis(50))).isFalse();
        assertThat(inFlight.count()).isEqualTo(1);
    }
}
