package se.techtank.notifications.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * One channel's sender threads in this replica: each sends due deliveries one after the other ({@code
 * sendNext}); when none is due it waits until the next falls due ({@code nextDue}), at most {@code
 * pollInterval}, and is woken at once by {@link #wake()} (a transaction that planned new ones committed).
 * The mail and the webhook senders are two of these.
 */
final class SenderThreads {

    private static final Logger LOG = Logger.getLogger(SenderThreads.class);
    private static final Duration AFTER_ERROR = Duration.ofSeconds(1);

    private final String name;
    private final BooleanSupplier sendNext;
    private final Supplier<Optional<Instant>> nextDue;
    private final Duration pollInterval;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private long wakeUps;

    SenderThreads(String name, BooleanSupplier sendNext, Supplier<Optional<Instant>> nextDue, Duration pollInterval) {
        this.name = name;
        this.sendNext = sendNext;
        this.nextDue = nextDue;
        this.pollInterval = pollInterval;
    }

    void start(int count) {
        running = true;
        for (int i = 0; i < Math.max(1, count); i++) {
            Thread thread = new Thread(this::run, name + "-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** Lets each thread finish the delivery it holds, waiting up to 10 s per thread. */
    void stop() {
        running = false;
        wake();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Makes every waiting thread look for due deliveries now. */
    void wake() {
        synchronized (signal) {
            wakeUps++;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            long seen;
            synchronized (signal) {
                seen = wakeUps;
            }
            try {
                if (sendNext.getAsBoolean()) {
                    continue;
                }
                waitFor(untilNextDue(), seen);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("%s: %s; trying again in %s", name, e, AFTER_ERROR);
                waitFor(AFTER_ERROR, seen);
            }
        }
    }

    private Duration untilNextDue() {
        return nextDue.get()
                .map(next -> Duration.between(Instant.now(), next))
                .filter(wait -> wait.compareTo(pollInterval) < 0)
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
                .orElse(pollInterval);
    }

    private void waitFor(Duration wait, long seen) {
        long until = System.nanoTime() + wait.toNanos();
        synchronized (signal) {
            while (running && wakeUps == seen) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                    return;
                }
            }
        }
    }
}
