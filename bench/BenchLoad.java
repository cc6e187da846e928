// What the load drivers of bench/ share (bench/RegistrationLoad.java, bench/SearchLoad.java,
// bench/NotificationLoad.java; compiled together with them and bench/BenchHttp.java): closed-loop clients
// with one persistent connection each, which warm up over the connections they then measure with and start
// measuring together; an open loop (requests at a fixed arrival rate, whatever the answers take, latency
// counted from when each was due: no coordinated omission); latency percentiles; when the slow answers
// were sent; the driver's own CPU and JIT time while it measured.
//
// The drivers run on the cores the service runs on, so the scripts start them with C1 only
// (-XX:TieredStopAtLevel=1): C2 went on compiling the driver's code during the measurement however long it
// warmed up (docs/benchmarks.md, "How the load is driven"), C1 is done within the warm-up.
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

final class BenchLoad {

    private BenchLoad() {}

    /** An answer: its status, outcome (or category), waitlist position, latency and when it was sent (nanoTime). */
    record Answer(int status, String outcome, int position, long nanos, long sentNanos) {}

    /** One request of a client, over its connection. */
    interface Attempt {
        void run(int index, BenchHttp http);
    }

    /** The measured part of a run: when it started (nanoTime and Unix ms), its end, and the driver's costs. */
    record Run(long startedNanos, long startedMillis, long endedNanos, long cpuNanos, long jitMillis) {
        double seconds() {
            return (endedNanos - startedNanos) / 1e9;
        }
    }

    /**
     * {@code clients} threads, each with a connection of its own to {@code base}, sending one request at a
     * time: first {@code warmUps} unmeasured ones ({@code warmUp}), then, once every client is done with
     * those, {@code count} measured ones ({@code attempt}), all clients starting together, so that the
     * measured requests meet neither new connections nor a cold driver. {@code onStart} runs (once) when the
     * measurement starts: what it prints marks that moment for the scripts.
     */
    static Run runClients(URI base, int clients, int warmUps, Attempt warmUp, int count, Attempt attempt,
            Runnable onStart) throws InterruptedException {
        return runClients(List.of(base), clients, warmUps, warmUp, count, attempt, onStart);
    }

    /**
     * As {@link #runClients(URI, int, int, Attempt, int, Attempt, Runnable)}, with client c connected to
     * {@code bases.get(c % bases.size())}: replicas of a service behind a round-robin load balancer.
     */
    static Run runClients(List<URI> bases, int clients, int warmUps, Attempt warmUp, int count, Attempt attempt,
            Runnable onStart) throws InterruptedException {
        AtomicInteger nextWarmUp = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long[] start = new long[4]; // nanoTime, Unix ms, CPU nanos, JIT ms when the measurement started
        CyclicBarrier together = new CyclicBarrier(clients, () -> {
            onStart.run();
            System.out.flush();
            start[2] = ownCpuNanos();
            start[3] = jitMillis();
            start[1] = System.currentTimeMillis();
            start[0] = System.nanoTime();
        });
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            URI base = bases.get(c % bases.size());
            Thread thread = new Thread(() -> {
                try (BenchHttp http = new BenchHttp(base)) {
                    for (int i = nextWarmUp.getAndIncrement(); i < warmUps; i = nextWarmUp.getAndIncrement()) {
                        warmUp.run(i, http);
                    }
                    together.await();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        attempt.run(i, http);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (BrokenBarrierException e) {
                    // another client failed: its exception is reported by its own thread
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        long ended = System.nanoTime();
        return new Run(start[0], start[1], ended, ownCpuNanos() - start[2], jitMillis() - start[3]);
    }

    /** One request of an open-loop run over a worker's connection; {@code intendedNanos}: when it was due. */
    interface TimedAttempt {
        void run(int index, long intendedNanos, BenchHttp http);
    }

    /**
     * An open-loop run: its measured part ({@code Run}, started at the first measured request's intended
     * time), the largest delay between a request's intended time and the moment a worker took it, and how
     * many waited more than 10 ms for a worker (then there are too few workers for the rate).
     */
    record OpenRun(Run run, long maxLagNanos, int lateSends) {}

    /**
     * Requests at {@code rate} per second: request i is due at t0 + i / rate, whatever the answers to the
     * earlier ones take. A scheduler thread hands each index, when it is due, to {@code workers} threads with
     * a connection of their own each (as many requests in flight at most); the attempt measures from the
     * intended time it is given, so that a slow answer counts for every request that waited behind it. The
     * first {@code warmUps} go to {@code warmUp} and are not measured; the next {@code count} to
     * {@code attempt}, at the same rate without a pause; {@code onStart} runs when the first of those is due.
     */
    static OpenRun runOpenLoop(URI base, double rate, int workers, int warmUps, TimedAttempt warmUp, int count,
            TimedAttempt attempt, Runnable onStart) throws InterruptedException {
        LinkedBlockingQueue<long[]> due = new LinkedBlockingQueue<>();
        AtomicLong maxLag = new AtomicLong();
        AtomicInteger late = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(workers);
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                try (BenchHttp http = new BenchHttp(base)) {
                    for (long[] job = due.take(); job[0] >= 0; job = due.take()) {
                        int i = (int) job[0];
                        long lag = System.nanoTime() - job[1];
                        if (i >= warmUps) {
                            maxLag.accumulateAndGet(lag, Math::max);
                            if (lag > 10_000_000L) {
                                late.incrementAndGet();
                            }
                        }
                        if (i < warmUps) {
                            warmUp.run(i, job[1], http);
                        } else {
                            attempt.run(i - warmUps, job[1], http);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "open-loop-" + w);
            thread.setDaemon(true);
            thread.start();
        }
        long[] start = new long[4];
        long t0 = System.nanoTime() + 50_000_000L;
        double interval = 1e9 / rate;
        for (int i = 0; i < warmUps + count; i++) {
            long intended = t0 + Math.round(i * interval);
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (i == warmUps) {
                onStart.run();
                System.out.flush();
                start[2] = ownCpuNanos();
                start[3] = jitMillis();
                start[1] = System.currentTimeMillis() - (System.nanoTime() - intended) / 1_000_000L;
                start[0] = intended;
            }
            due.put(new long[] {i, intended});
        }
        for (int w = 0; w < workers; w++) {
            due.put(new long[] {-1, 0});
        }
        done.await();
        long ended = System.nanoTime();
        return new OpenRun(new Run(start[0], start[1], ended, ownCpuNanos() - start[2], jitMillis() - start[3]),
                maxLag.get(), late.get());
    }

    /**
     * The report of a run of plain requests (no checks of their bodies): percentiles per category and in
     * all, throughput, status codes, the driver's own figures, when the answers slower than
     * {@code thresholdMillis} were sent, and a RESULT line; every answer into BENCH_ANSWERS' file. Whether
     * every answer had {@code expectedStatus}.
     */
    static boolean report(Answer[] answers, Run run, int thresholdMillis, int expectedStatus) throws IOException {
        int requests = answers.length;
        double seconds = run.seconds();
        Map<String, List<Long>> byCategory = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long[] all = new long[requests];
        for (int i = 0; i < requests; i++) {
            all[i] = answers[i].nanos();
            byCategory.computeIfAbsent(answers[i].outcome(), c -> new ArrayList<>()).add(answers[i].nanos());
            statuses.merge(answers[i].status(), 1, Integer::sum);
        }
        header("category");
        byCategory.forEach((category, nanos) -> print(category, nanos.stream().mapToLong(Long::longValue).toArray()));
        print("ALL", all);
        System.out.printf(Locale.ROOT, "Throughput: %.0f requests/s (%d requests in %.2f s)%n", requests / seconds, requests,
                seconds);
        System.out.println("Status codes: " + statuses);
        printDriver(run, requests);
        printSlowMoments(answers, run, thresholdMillis);
        writeAnswers(answers, run);
        long[] s = sorted(all);
        System.out.printf(Locale.ROOT, "RESULT p50_ms=%.1f p99_ms=%.1f throughput_rps=%.0f driver_cpu_s=%.2f%n",
                percentile(s, 50), percentile(s, 99), requests / seconds, run.cpuNanos() / 1e9);
        return statuses.keySet().stream().allMatch(status -> status == expectedStatus);
    }

    /**
     * When the answers slower than {@code thresholdMillis} (the target) were sent, in 0.1 s windows from the
     * start, which is given as Unix time in milliseconds to line them up with other records (the GC log,
     * PostgreSQL's log): a pause of the service shows as a cluster.
     */
    static void printSlowMoments(Answer[] answers, Run run, int thresholdMillis) {
        TreeMap<Long, Integer> byWindow = new TreeMap<>();
        int slow = 0;
        for (Answer a : answers) {
            if (a.nanos() > thresholdMillis * 1_000_000L) {
                slow++;
                byWindow.merge((a.sentNanos() - run.startedNanos()) / 100_000_000L, 1, Integer::sum);
            }
        }
        StringBuilder moments = new StringBuilder();
        byWindow.forEach((window, count) -> moments.append(String.format(Locale.ROOT, " %.1f s: %d;", window / 10.0, count)));
        System.out.printf(Locale.ROOT, "Answers slower than %d ms: %d; sent at (from %d ms Unix time)%s%n",
                thresholdMillis, slow, run.startedMillis(), moments);
    }

    /**
     * Every answer of the measurement into the file BENCH_ANSWERS names, if it is set: one line each, "sent
     * (microseconds from the start) latency (microseconds) outcome", for a closer look than the percentiles.
     */
    static void writeAnswers(Answer[] answers, Run run) throws IOException {
        String file = System.getenv("BENCH_ANSWERS");
        if (file == null || file.isBlank()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (Answer a : answers) {
            lines.append((a.sentNanos() - run.startedNanos()) / 1000).append(' ').append(a.nanos() / 1000).append(' ')
                    .append(a.outcome()).append('\n');
        }
        Files.writeString(Path.of(file), lines);
    }

    /** The load driver's own CPU time while measuring, and its JIT compilers' time (they share the cores). */
    static void printDriver(Run run, int requests) {
        System.out.printf(Locale.ROOT, "Load driver CPU: %.2f s (%.2f ms per request); its JIT compilers: %d ms%n",
                run.cpuNanos() / 1e9, run.cpuNanos() / 1e6 / requests, run.jitMillis());
    }

    static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    static long jitMillis() {
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime()
                : 0;
    }

    static void header(String first) {
        System.out.printf(Locale.ROOT, "%-20s %8s %8s %8s %8s %8s %8s%n", first, "count", "p50 ms", "p90 ms", "p99 ms",
                "max ms", "mean ms");
    }

    static void print(String category, long[] nanos) {
        long[] s = sorted(nanos);
        double mean = Arrays.stream(s).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "%-20s %8d %8.1f %8.1f %8.1f %8.1f %8.1f%n", category, s.length, percentile(s, 50),
                percentile(s, 90), percentile(s, 99), s.length == 0 ? 0 : s[s.length - 1] / 1e6, mean);
    }

    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
