package se.techtank.platform.admission;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import se.techtank.platform.problem.ServiceBusyException;

/**
 * Lets at most a few callers do a piece of work at a time (per replica); the others wait here, first come
 * first served (ADR 0007). Services declare it on a method with {@link Admitted} rather than calling it.
 *
 * <p>Work that is bound by the CPU and the database gains nothing from running more copies of it at once
 * than there are cores to run them: twenty searches at once on two cores each take twenty times as long as
 * one, and a cheap one that shares the cores with an expensive one waits as long as it. Queued in order
 * instead, each waits for the ones before it and then runs at full speed, so answers take about as long as
 * each other (a lower p99 at the same mean), and fewer database sessions and threads compete for the
 * cores. Nothing about the result depends on it.
 *
 * <p>A caller that waits longer than {@code maxWait} gets a {@link ServiceBusyException} (503
 * {@code service-busy} with {@code Retry-After}) and the work is not done. Metric:
 * {@code admission_wait_seconds{gate=…}}, the time callers waited for their turn.
 */
public final class AdmissionGate {

    private final String name;
    private final Semaphore permits;
    private final Duration maxWait;
    private final Timer waits;

    /**
     * @param name the gate's name in metrics and messages
     * @param concurrency how many callers may do the work at once; at least 1
     * @param maxWait how long a caller waits for its turn before it is told the service is busy
     */
    public AdmissionGate(String name, int concurrency, Duration maxWait, MeterRegistry registry) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("The concurrency of admission gate " + name + " must be at least 1");
        }
        this.name = name;
        this.permits = new Semaphore(concurrency, true);
        this.maxWait = maxWait;
        this.waits = Timer.builder("admission_wait")
                .description("How long work waited for its turn at an admission gate")
                .tag("gate", name)
                .register(registry);
    }

    /** How many callers are waiting for their turn now (an estimate, as they come and go). */
    public int waiting() {
        return permits.getQueueLength();
    }

    /** Runs {@code work} once it is this caller's turn, and returns what it returned. */
    public <T> T call(Supplier<T> work) {
        acquire();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** As {@link #call(Supplier)}, for work that may throw a checked exception (an intercepted method). */
    public <T> T callChecked(Callable<T> work) throws Exception {
        acquire();
        try {
            return work.call();
        } finally {
            permits.release();
        }
    }

    private void acquire() {
        long queued = System.nanoTime();
        try {
            if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ServiceBusyException("Waited longer than " + maxWait + " for a turn at " + name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceBusyException("Interrupted while waiting for a turn at " + name);
        } finally {
            waits.record(System.nanoTime() - queued, TimeUnit.NANOSECONDS);
        }
    }
}
