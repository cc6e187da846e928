package se.techtank.local;

import java.util.concurrent.Callable;

/**
 * Between the start steps and the shutdown hook: a step runs only while the stack is not stopping, and
 * the hook waits for a step in progress, so that nothing it started is left running.
 */
final class StartGuard {

    private final Object lock = new Object();
    private volatile boolean stopping;

    /** Runs a start step unless the stack is stopping. */
    <T> T step(Callable<T> step) throws Exception {
        synchronized (lock) {
            if (stopping) {
                throw new IllegalStateException("stopping");
            }
            return step.call();
        }
    }

    boolean stopping() {
        return stopping;
    }

    /** Refuses further steps, then runs {@code stop} once the step in progress (if any) has finished. */
    void stop(Runnable stop) {
        stopping = true;
        synchronized (lock) {
            stop.run();
        }
    }
}
