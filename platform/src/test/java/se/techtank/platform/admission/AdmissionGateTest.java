package se.techtank.platform.admission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import se.techtank.platform.problem.ServiceBusyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AdmissionGateTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void no_more_callers_than_the_concurrency_do_the_work_at_once() throws Exception {
        AdmissionGate gate = new AdmissionGate("test", 2, Duration.ofSeconds(10), registry);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                done.add(pool.submit(() -> gate.call(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.yield();
                    running.decrementAndGet();
                    return n;
                })));
            }
            for (int i = 0; i < done.size(); i++) {
                assertThat(done.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isBetween(1, 2);
        assertThat(running.get()).isZero();
        assertThat(registry.get("admission_wait").tag("gate", "test").timer().count())
                .isEqualTo(40);
    }

    @Test
    void callers_get_their_turn_in_the_order_they_came() throws Exception {
        AdmissionGate gate = new AdmissionGate("test", 1, Duration.ofSeconds(10), registry);
        List<Integer> turns = new CopyOnWriteArrayList<>();
        List<Thread> queued = new ArrayList<>();
        try (Holder holder = new Holder(gate)) {
            for (int i = 1; i <= 5; i++) {
                int n = i;
                Thread caller = new Thread(() -> gate.call(() -> turns.add(n)));
                caller.start();
                queued.add(caller);
                await().atMost(Duration.ofSeconds(10)).until(() -> gate.waiting() == n);
            }
        }
        for (Thread caller : queued) {
            caller.join(10_000);
        }

        assertThat(turns).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void a_caller_that_comes_back_at_once_does_not_jump_the_queue() throws Exception {
        AdmissionGate gate = new AdmissionGate("test", 1, Duration.ofSeconds(10), registry);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> turns = new CopyOnWriteArrayList<>();
        Thread again = new Thread(() -> {
            gate.call(() -> {
                holding.countDown();
                waitFor(release);
                return null;
            });
            gate.call(() -> turns.add("came back")); // the permit was just freed, but one is queued for it
        });
        again.start();
        holding.await();
        Thread queued = new Thread(() -> gate.call(() -> turns.add("queued")));
        queued.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> gate.waiting() == 1);

        release.countDown();
        again.join(10_000);
        queued.join(10_000);

        assertThat(turns).containsExactly("queued", "came back");
    }

    @Test
    void a_caller_that_waits_too_long_is_refused_as_busy_without_doing_the_work() throws Exception {
        AdmissionGate gate = new AdmissionGate("test", 1, Duration.ofMillis(200), registry);
        AtomicBoolean ran = new AtomicBoolean();
        try (Holder holder = new Holder(gate)) {
            assertThatThrownBy(() -> gate.call(() -> ran.getAndSet(true)))
                    .isInstanceOf(ServiceBusyException.class)
                    .hasMessageContaining("test");
        }
        assertThat(ran).isFalse();
        assertThat(gate.call(() -> "my turn")).isEqualTo("my turn");
    }

    @Test
    void work_that_fails_gives_its_turn_back() {
        AdmissionGate gate = new AdmissionGate("test", 1, Duration.ofMillis(200), registry);

        assertThatThrownBy(() -> gate.call(() -> {
                    throw new IllegalStateException("the transaction failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(gate.call(() -> "my turn")).isEqualTo("my turn");
    }

    @Test
    void a_concurrency_below_one_is_a_configuration_error() {
        assertThatThrownBy(() -> new AdmissionGate("company-search", 0, Duration.ofSeconds(1), registry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("company-search");
    }

    /** A thread that has its turn at the gate and keeps it until closed. */
    private static final class Holder implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final Thread thread;

        Holder(AdmissionGate gate) throws InterruptedException {
            CountDownLatch holding = new CountDownLatch(1);
            thread = new Thread(() -> gate.call(() -> {
                holding.countDown();
                waitFor(release);
                return null;
            }));
            thread.start();
            holding.await();
        }

        @Override
        public void close() throws InterruptedException {
            release.countDown();
            thread.join(10_000);
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
