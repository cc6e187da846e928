// A small closed-loop load driver for bench/members-search.sh, which compiles it together with
// bench/BenchHttp.java (one persistent connection per client thread, lean on CPU):
//
//   java -cp CLASSES SearchLoad BASE_URL TOKEN_FILE URL_FILE [CLIENTS=20] [REQUESTS=20000] [WARMUP=2000] [SINCE]
//
// URL_FILE has "<category>\t<path and query>" per line (bench/GenerateCompanies.java writes it); "{SINCE}"
// is replaced by SINCE. CLIENTS threads each send one request at a time, taking the URLs in turn, until
// REQUESTS have been sent (after WARMUP unmeasured ones). Prints latency percentiles overall and per
// category, the throughput and the status codes; exits 1 if any answer was not 200.
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

public class SearchLoad {

    record Target(String category, String path) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java bench/SearchLoad.java BASE_URL TOKEN_FILE URL_FILE [CLIENTS] [REQUESTS] [WARMUP] [SINCE]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/$", "");
        String token = Files.readString(Path.of(args[1])).strip();
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int requests = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 2_000;
        String since = args.length > 6 ? args[6] : "2000-01-01T00:00:00Z";
        List<Target> targets = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            String path = parts[1].replace("{SINCE}", URLEncoder.encode(since, StandardCharsets.UTF_8));
            targets.add(new Target(parts[0], path));
        }
        URI http = URI.create(base);

        if (warmup > 0) {
            System.out.printf(Locale.ROOT, "Warm-up: %d requests at %d clients%n", warmup, clients);
            run(http, token, targets, clients, warmup, 0, null);
        }
        System.out.printf(Locale.ROOT, "Measured: %d requests at %d clients over %d URLs%n", requests, clients, targets.size());
        Map<String, List<Long>> byCategory = new ConcurrentHashMap<>();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        long cpuBefore = ownCpuNanos();
        long started = System.nanoTime();
        long[] all = run(http, token, targets, clients, requests, warmup, (category, status, nanos) -> {
            byCategory.computeIfAbsent(category, c -> java.util.Collections.synchronizedList(new ArrayList<>())).add(nanos);
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (ownCpuNanos() - cpuBefore) / 1e9;

        System.out.printf(Locale.ROOT, "%-20s %8s %8s %8s %8s %8s %8s%n", "category", "count", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean ms");
        for (var entry : new TreeMap<>(byCategory).entrySet()) {
            print(entry.getKey(), entry.getValue().stream().mapToLong(Long::longValue).toArray());
        }
        print("ALL", all);
        System.out.printf(Locale.ROOT, "Throughput: %.0f requests/s (%d requests in %.1f s)%n", requests / seconds, requests, seconds);
        System.out.println("Status codes: " + new TreeMap<>(statuses));
        System.out.printf(Locale.ROOT, "Load driver CPU: %.2f s (%.2f ms per request)%n", cpu, 1000 * cpu / requests);
        System.out.printf(Locale.ROOT, "RESULT p50_ms=%.1f p99_ms=%.1f throughput_rps=%.0f%n",
                percentile(sorted(all), 50), percentile(sorted(all), 99), requests / seconds);
        boolean allOk = statuses.keySet().stream().allMatch(status -> status == 200);
        System.exit(allOk ? 0 : 1);
    }

    interface Recorder {
        void record(String category, int status, long nanos);
    }

    /** Sends {@code count} requests from {@code clients} threads; returns every latency in nanoseconds. */
    static long[] run(URI base, String token, List<Target> targets, int clients, int count, int offset, Recorder recorder)
            throws InterruptedException {
        long[] latencies = new long[count];
        long[] sent = new long[count];
        long runStart = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                String authorization = "Authorization: Bearer " + token;
                try (BenchHttp http = new BenchHttp(base)) {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        Target target = targets.get((offset + i) % targets.size());
                        long start = System.nanoTime();
                        int status;
                        try {
                            status = http.send("GET", target.path(), null, authorization, "Accept: application/json")
                                    .status();
                        } catch (IOException e) {
                            status = -1;
                        }
                        long nanos = System.nanoTime() - start;
                        latencies[i] = nanos;
                        sent[i] = start - runStart;
                        if (recorder != null) {
                            recorder.record(target.category(), status, nanos);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        if (recorder != null) {
            printSlowMoments(latencies, sent);
        }
        return latencies;
    }

    /** When the answers slower than 100 ms were asked for: a pause of the service shows as a cluster. */
    static void printSlowMoments(long[] latencies, long[] sent) {
        TreeMap<Long, Integer> byQuarterSecond = new TreeMap<>();
        int slow = 0;
        for (int i = 0; i < latencies.length; i++) {
            if (latencies[i] > 100_000_000L) {
                slow++;
                byQuarterSecond.merge(sent[i] / 250_000_000L, 1, Integer::sum);
            }
        }
        StringBuilder moments = new StringBuilder();
        byQuarterSecond.entrySet().stream()
                .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed())
                .limit(8)
                .forEach(e -> moments.append(String.format(Locale.ROOT, " %.2f s: %d;", e.getKey() / 4.0, e.getValue())));
        System.out.printf(Locale.ROOT, "Answers slower than 100 ms: %d; most of them sent at%s%n", slow, moments);
    }

    static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    static void print(String category, long[] nanos) {
        long[] s = sorted(nanos);
        double mean = Arrays.stream(s).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "%-20s %8d %8.1f %8.1f %8.1f %8.1f %8.1f%n", category, s.length,
                percentile(s, 50), percentile(s, 90), percentile(s, 99), s.length == 0 ? 0 : s[s.length - 1] / 1e6, mean);
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
