// A small closed-loop load driver for bench/members-search.sh, which compiles it together with
// bench/BenchHttp.java (one persistent connection per client thread, lean on CPU) and bench/BenchLoad.java
// (the clients and figures both drivers share):
//
//   java -cp CLASSES SearchLoad BASE_URL TOKEN_FILE URL_FILE [CLIENTS=20] [REQUESTS=20000] [WARMUP=2000] [SINCE]
//
// URL_FILE has "<category>\t<path and query>" per line (bench/GenerateCompanies.java writes it); "{SINCE}"
// is replaced by SINCE. CLIENTS threads each send one request at a time, taking the URLs in turn: first
// WARMUP unmeasured ones, then, all clients together over the same connections, REQUESTS measured ones
// (BenchLoad.runClients). Prints latency percentiles overall and per category, the throughput, the status
// codes, the driver's own CPU and JIT time, when the answers slower than 100 ms were sent and a RESULT
// line (every answer into the file BENCH_ANSWERS names, if set); exits 1 if any answer was not 200.
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public class SearchLoad {

    record Target(String category, String path) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SearchLoad BASE_URL TOKEN_FILE URL_FILE [CLIENTS] [REQUESTS] [WARMUP] [SINCE]");
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
        String authorization = "Authorization: Bearer " + token;

        BenchLoad.Answer[] answers = new BenchLoad.Answer[requests];
        BenchLoad.Run run = BenchLoad.runClients(http, clients,
                warmup, (i, client) -> search(client, authorization, targets.get(i % targets.size())),
                requests, (i, client) -> answers[i] = search(client, authorization, targets.get((warmup + i) % targets.size())),
                () -> System.out.printf(Locale.ROOT, "Measured: %d requests at %d clients over %d URLs%s%n", requests,
                        clients, targets.size(), warmup == 0 ? "" : ", after " + warmup + " unmeasured"));
        System.exit(BenchLoad.report(answers, run, 100, 200) ? 0 : 1);
    }

    /** One search, as the token's caller. */
    static BenchLoad.Answer search(BenchHttp http, String authorization, Target target) {
        long start = System.nanoTime();
        int status;
        try {
            status = http.send("GET", target.path(), null, authorization, "Accept: application/json").status();
        } catch (IOException e) {
            status = -1;
        }
        return new BenchLoad.Answer(status, target.category(), 0, System.nanoTime() - start, start);
    }
}
