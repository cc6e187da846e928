package se.techtank.events.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import se.techtank.platform.problem.ServiceBusyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeetingAdmissionTest {

    @Test
    void no_more_than_the_permitted_registrations_of_one_meeting_run_at_once() throws Exception {
        MeetingAdmission admission = new MeetingAdmission(2, Duration.ofSeconds(10), new SimpleMeterRegistry());
        UUID meeting = UUID.randomUUID();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                done.add(pool.submit(() -> admission.call(meeting, () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.onSpinWait();
                    running.decrementAndGet();
                    return n;
                })));
            }
            for (Future<Integer> future : done) {
                future.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isBetween(1, 2);
        assertThat(running.get()).isZero();
    }

    @Test
    void a_registration_waits_for_its_own_meeting_only() throws Exception {
        MeetingAdmission admission = new MeetingAdmission(1, Duration.ofMillis(200), new SimpleMeterRegistry());
        UUID busy = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        while (Math.floorMod(other.hashCode(), 64) == Math.floorMod(busy.hashCode(), 64)) {
            other = UUID.randomUUID();
        }
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> admission.call(busy, () -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        holding.await();
        try {
            assertThatThrownBy(() -> admission.call(busy, () -> "never")).isInstanceOf(ServiceBusyException.class);
            assertThat(admission.call(other, () -> "not held up")).isEqualTo("not held up");
        } finally {
            release.countDown();
            holder.join();
        }
    }
}
