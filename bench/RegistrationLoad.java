// Load driver and data set-up for bench/events-registration.sh, which compiles it together with
// bench/BenchHttp.java (the lean HTTP client of the measured requests):
//
//   java bench/RegistrationLoad.java meeting  BASE_URL TOKEN_FILE CAPACITY [TITLE]
//       plans and publishes one public meeting 30 days ahead (as staff); prints its id
//   java bench/RegistrationLoad.java meetings BASE_URL TOKEN_FILE COUNT URL_FILE [SEED=20261128]
//       plans and publishes COUNT meetings for the listing (municipalities 1060/1080/1081/1082/1083, every
//       kind, 1-3 focus areas, the next 120 days) and writes URL_FILE: "<category>\t<path and query>" lines
//       of GET /api/v1/meetings requests (no filter and later pages, municipality, kind, focus area,
//       municipality + kind, 50 per page)
//   java bench/RegistrationLoad.java register BASE_URL MEETING_ID CLIENTS ATTEMPTS CAPACITY [LABEL]
//                                    [WARMUP_MEETING_ID WARMUP]
//       ATTEMPTS anonymous registrations, each with an e-mail address of its own, from CLIENTS threads
//       that each send one at a time; CAPACITY is the meeting's, for the check of the answers; first, WARMUP
//       unmeasured registrations for another meeting, WARMUP_MEETING_ID
//   java bench/RegistrationLoad.java list BASE_URL URL_FILE CLIENTS REQUESTS [WARMUP]
//       anonymous GET requests taking the URLs in turn, after WARMUP unmeasured ones
//
// Each client thread has one persistent connection (BenchHttp); the set-up requests use the JDK's client.
// The unmeasured requests go over the same connections as the measured ones, and the measurement starts
// when every client is done with them, all clients at once: so the measured requests meet neither new
// connections nor a cold load driver (this JVM compiles its own code meanwhile, on the cores the service
// runs on; the JIT time it still spends while measuring is printed). Prints latency percentiles (nearest
// rank) overall and per outcome or category, the throughput, the status codes, the load driver's own CPU
// time, when the slow answers were sent and a RESULT line; with BENCH_ANSWERS set, it writes every answer
// into the file it names. `register` also checks the answers: exactly min(CAPACITY, ATTEMPTS) CONFIRMED,
// the rest WAITLISTED with positions 1..n, each once. Exits 1 if an answer had another status code
// (`register`: 201; `list`: 200) or a check failed.
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class RegistrationLoad {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final String[] MUNICIPALITIES = {"1060", "1080", "1081", "1082", "1083"};
    static final String[] TOWNS = {"Olofström", "Karlskrona", "Ronneby", "Karlshamn", "Sölvesborg"};
    static final String[] KINDS = {"INDUSTRY_MEETING", "CONFERENCE", "WORKSHOP", "WEBINAR", "NETWORKING"};
    static final String[] FOCUS_AREAS = {
        "DIGITALISATION", "AUTOMATION", "SUSTAINABILITY", "INNOVATION", "SMART_MATERIALS", "NEW_MARKETS",
        "COMPETENCE_DEVELOPMENT", "COMPETENCE_SUPPLY"
    };
    static final String[] FIRST_NAMES = {
        "Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Anders", "Sara", "Per", "Lena", "Mikael",
        "Åsa", "Björn", "Ingrid", "Göran", "Elin", "Jonas", "Frida", "Mattias"
    };
    static final String[] LAST_NAMES = {
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Pettersson", "Jönsson", "Lindqvist", "Berg", "Håkansson", "Ek", "Sjöberg", "Lund"
    };
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern POSITION = Pattern.compile("\"waitlistPosition\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            usage();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "meeting" -> meeting(rest);
            case "meetings" -> meetings(rest);
            case "register" -> register(rest);
            case "list" -> list(rest);
            default -> usage();
        }
    }

    static void usage() {
        System.err.println("""
                usage: java bench/RegistrationLoad.java meeting  BASE_URL TOKEN_FILE CAPACITY [TITLE]
                       java bench/RegistrationLoad.java meetings BASE_URL TOKEN_FILE COUNT URL_FILE [SEED]
                       java bench/RegistrationLoad.java register BASE_URL MEETING_ID CLIENTS ATTEMPTS CAPACITY [LABEL] [WARMUP_MEETING_ID WARMUP]
                       java bench/RegistrationLoad.java list     BASE_URL URL_FILE CLIENTS REQUESTS [WARMUP]""");
        System.exit(2);
    }

    static HttpClient http() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    // ---------------------------------------------------------------------------------------------- set-up

    static void meeting(String[] args) throws Exception {
        if (args.length < 3) {
            usage();
        }
        String base = args[0].replaceAll("/$", "");
        String token = Files.readString(Path.of(args[1])).strip();
        int capacity = Integer.parseInt(args[2]);
        String title = args.length > 3 ? args[3] : "Branschträff Karlshamn";
        LocalDateTime start = LocalDateTime.now(STOCKHOLM).plusDays(30).truncatedTo(ChronoUnit.DAYS).withHour(8);
        String body = meetingJson("INDUSTRY_MEETING", title, "1082", "Karlshamn", start, start.plusHours(2), capacity,
                List.of("AUTOMATION", "DIGITALISATION"), "Branschträffar hösten 2026");
        System.out.println(planAndPublish(http(), base, token, body));
    }

    static void meetings(String[] args) throws Exception {
        if (args.length < 4) {
            usage();
        }
        String base = args[0].replaceAll("/$", "");
        String token = Files.readString(Path.of(args[1])).strip();
        int count = Integer.parseInt(args[2]);
        Path urlFile = Path.of(args[3]);
        Random random = new Random(args.length > 4 ? Long.parseLong(args[4]) : 20261128L);
        HttpClient http = http();
        LocalDateTime today = LocalDateTime.now(STOCKHOLM).truncatedTo(ChronoUnit.DAYS);
        for (int i = 0; i < count; i++) {
            int m = i % MUNICIPALITIES.length;
            String kind = KINDS[random.nextInt(KINDS.length)];
            LocalDateTime start = today.plusDays(1 + random.nextInt(120)).withHour(8 + random.nextInt(9));
            List<String> areas = new ArrayList<>(List.of(FOCUS_AREAS));
            Collections.shuffle(areas, random);
            String title = switch (kind) {
                case "INDUSTRY_MEETING" -> "Branschträff " + TOWNS[m];
                case "CONFERENCE" -> "Leankonferens Blekinge " + TOWNS[m];
                case "WORKSHOP" -> "Workshop: " + areas.get(0).toLowerCase(Locale.ROOT).replace('_', ' ') + " i " + TOWNS[m];
                case "WEBINAR" -> "Webbinarium om " + areas.get(0).toLowerCase(Locale.ROOT).replace('_', ' ');
                default -> "Nätverksfrukost " + TOWNS[m];
            };
            String body = meetingJson(kind, title, MUNICIPALITIES[m], TOWNS[m], start,
                    start.plusHours(1 + random.nextInt(3)), 20 + random.nextInt(281),
                    areas.subList(0, 1 + random.nextInt(3)),
                    kind.equals("INDUSTRY_MEETING") ? "Branschträffar hösten 2026" : null);
            planAndPublish(http, base, token, body);
        }
        // The requests of the listing benchmark: what the public calendar page asks for.
        List<String> urls = new ArrayList<>();
        int pages = Math.max(1, (count + 19) / 20);
        for (int i = 0; i < 400; i++) {
            int pick = random.nextInt(100);
            String category;
            String query;
            if (pick < 25) {
                category = "all";
                query = random.nextInt(3) == 0 ? "?page=" + random.nextInt(pages) : "";
            } else if (pick < 45) {
                category = "municipality";
                query = "?municipality=" + MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)];
            } else if (pick < 60) {
                category = "kind";
                query = "?kind=" + KINDS[random.nextInt(KINDS.length)];
            } else if (pick < 75) {
                category = "focusArea";
                query = "?focusArea=" + FOCUS_AREAS[random.nextInt(FOCUS_AREAS.length)];
            } else if (pick < 90) {
                category = "municipality+kind";
                query = "?municipality=" + MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)] + "&kind="
                        + KINDS[random.nextInt(KINDS.length)];
            } else {
                category = "size=50";
                query = "?size=50&page=" + random.nextInt(Math.max(1, (count + 49) / 50));
            }
            urls.add(category + "\t/api/v1/meetings" + query);
        }
        Files.write(urlFile, urls);
        System.out.printf(Locale.ROOT, "Published %d meetings; %d listing requests in %s%n", count, urls.size(), urlFile);
    }

    static String meetingJson(String kind, String title, String municipality, String town, LocalDateTime start,
            LocalDateTime end, int capacity, List<String> focusAreas, String series) {
        boolean online = kind.equals("WEBINAR");
        StringBuilder json = new StringBuilder("{");
        json.append("\"kind\":\"").append(kind).append("\",");
        json.append("\"title\":{\"sv\":\"").append(title).append("\",\"en\":\"").append(title).append("\"},");
        json.append("\"description\":{\"sv\":\"Frukostmöte om automation och digitalisering för tillverkande företag i ")
                .append(town).append(". Vi bjuder på kaffe och smörgås.\"},");
        json.append("\"municipalityCode\":\"").append(municipality).append("\",");
        if (series != null) {
            json.append("\"series\":\"").append(series).append("\",");
        }
        json.append("\"coOrganisers\":[{\"name\":\"Näringslivskontoret ").append(town)
                .append("\",\"email\":\"naringsliv@").append(town.toLowerCase(Locale.ROOT).replace("ö", "o"))
                .append(".example.se\"}],");
        if (online) {
            json.append("\"onlineLink\":\"https://meet.example.se/techtank\",");
        } else {
            json.append("\"venue\":{\"name\":\"Konferenscentrum ").append(town).append("\",\"address\":\"Storgatan 1, ")
                    .append(town).append("\"},");
        }
        json.append("\"start\":\"").append(start).append("\",");
        json.append("\"end\":\"").append(end).append("\",");
        json.append("\"capacity\":").append(capacity).append(',');
        json.append("\"registrationCloses\":\"").append(start.minusDays(1)).append("\",");
        json.append("\"focusAreas\":[");
        for (int i = 0; i < focusAreas.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(focusAreas.get(i)).append('"');
        }
        return json.append("]}").toString();
    }

    static String planAndPublish(HttpClient http, String base, String token, String body) throws Exception {
        HttpResponse<String> planned = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/meetings"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(planned.body());
        if (planned.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("POST /api/v1/meetings answered " + planned.statusCode() + ": " + planned.body());
        }
        HttpResponse<String> published = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/meetings/" + id.group(1) + "/publish"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (published.statusCode() != 200) {
            throw new IllegalStateException("Publishing " + id.group(1) + " answered " + published.statusCode() + ": "
                    + published.body());
        }
        return id.group(1);
    }

    // -------------------------------------------------------------------------------------- registrations

    /** An answer: its status, outcome (or category), waitlist position, latency and when it was sent (nanoTime). */
    record Answer(int status, String outcome, int position, long nanos, long sentNanos) {}

    /** One registration, anonymous, with an e-mail address of its own. */
    static Answer registration(BenchHttp http, String meetingId, String label, String nonce, int i) {
        String name = FIRST_NAMES[i % FIRST_NAMES.length] + " " + LAST_NAMES[(i / FIRST_NAMES.length) % LAST_NAMES.length];
        String email = "bench." + label + "." + nonce + "." + i + "@deltagare.example.se";
        byte[] body = ("{\"attendee\":{\"name\":\"" + name + "\",\"email\":\"" + email
                + "\",\"language\":\"sv\"},\"attendeeListConsent\":true}").getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        int status;
        String text = "";
        try {
            BenchHttp.Response response = http.send("POST", "/api/v1/meetings/" + meetingId + "/registrations", body,
                    "Content-Type: application/json", "Accept: application/json");
            status = response.status();
            text = response.text();
        } catch (IOException e) {
            status = -1;
        }
        long nanos = System.nanoTime() - start;
        Matcher outcome = STATUS.matcher(text);
        Matcher position = POSITION.matcher(text);
        return new Answer(status, status == 201 && outcome.find() ? outcome.group(1) : "HTTP " + status,
                position.find() ? Integer.parseInt(position.group(1)) : 0, nanos, start);
    }

    static void register(String[] args) throws Exception {
        if (args.length < 5) {
            usage();
        }
        String base = args[0].replaceAll("/$", "");
        String meetingId = args[1];
        int clients = Integer.parseInt(args[2]);
        int attempts = Integer.parseInt(args[3]);
        int capacity = Integer.parseInt(args[4]);
        String label = args.length > 5 ? args[5] : "run";
        String warmUpMeetingId = args.length > 7 ? args[6] : null;
        int warmUps = warmUpMeetingId == null ? 0 : Integer.parseInt(args[7]);
        String nonce = Long.toString(System.currentTimeMillis(), 36);

        Answer[] answers = new Answer[attempts];
        Run run = runClients(URI.create(base), clients,
                warmUps, (i, http) -> registration(http, warmUpMeetingId, label + "-warm-up", nonce, i),
                attempts, (i, http) -> answers[i] = registration(http, meetingId, label, nonce, i),
                () -> System.out.printf(Locale.ROOT, "Registrations: %d attempts at %d clients, meeting %s (capacity %d)%s%n",
                        attempts, clients, meetingId, capacity,
                        warmUps == 0 ? "" : ", after " + warmUps + " for meeting " + warmUpMeetingId));
        double seconds = run.seconds();
        double cpu = run.cpuNanos() / 1e9;

        Map<String, List<Long>> byOutcome = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long[] all = new long[attempts];
        BitSet positions = new BitSet();
        int confirmed = 0;
        int waitlisted = 0;
        boolean positionsUnique = true;
        for (int i = 0; i < attempts; i++) {
            Answer a = answers[i];
            all[i] = a.nanos();
            byOutcome.computeIfAbsent(a.outcome(), o -> new ArrayList<>()).add(a.nanos());
            statuses.merge(a.status(), 1, Integer::sum);
            if (a.outcome().equals("CONFIRMED")) {
                confirmed++;
            } else if (a.outcome().equals("WAITLISTED")) {
                waitlisted++;
                if (a.position() < 1 || positions.get(a.position())) {
                    positionsUnique = false;
                } else {
                    positions.set(a.position());
                }
            }
        }
        int expectedConfirmed = Math.min(capacity, attempts);
        boolean positionsOk = positionsUnique && positions.cardinality() == waitlisted
                && (waitlisted == 0 || (positions.nextSetBit(0) == 1 && positions.length() - 1 == waitlisted));
        boolean answersOk = confirmed == expectedConfirmed && waitlisted == attempts - expectedConfirmed && positionsOk;

        header("outcome");
        byOutcome.forEach((outcome, nanos) -> print(outcome, nanos.stream().mapToLong(Long::longValue).toArray()));
        print("ALL", all);
        System.out.printf(Locale.ROOT, "Throughput: %.0f registrations/s (%d attempts in %.2f s)%n", attempts / seconds,
                attempts, seconds);
        System.out.println("Status codes: " + statuses);
        System.out.printf(Locale.ROOT, "Answers: %d CONFIRMED, %d WAITLISTED (positions %s); expected %d and %d: %s%n",
                confirmed, waitlisted,
                waitlisted == 0 ? "none" : positionsOk ? "1.." + waitlisted + ", each once" : "NOT 1.." + waitlisted + " each once",
                expectedConfirmed, attempts - expectedConfirmed, answersOk ? "PASS" : "FAIL");
        printDriver(run, attempts);
        printSlowMoments(answers, run, 100);
        writeAnswers(answers, run);
        long[] s = sorted(all);
        System.out.printf(Locale.ROOT,
                "RESULT p50_ms=%.1f p99_ms=%.1f throughput_rps=%.0f confirmed=%d waitlisted=%d answers=%s driver_cpu_s=%.2f%n",
                percentile(s, 50), percentile(s, 99), attempts / seconds, confirmed, waitlisted,
                answersOk ? "PASS" : "FAIL", cpu);
        boolean allCreated = statuses.keySet().stream().allMatch(status -> status == 201);
        System.exit(allCreated && answersOk ? 0 : 1);
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

    /** The load driver's own CPU time while measuring, and of that the JIT compilers' (they share the cores). */
    static void printDriver(Run run, int requests) {
        System.out.printf(Locale.ROOT, "Load driver CPU: %.2f s (%.2f ms per request); its JIT compilers: %d ms%n",
                run.cpuNanos() / 1e9, run.cpuNanos() / 1e6 / requests, run.jitMillis());
    }

    // -------------------------------------------------------------------------------------------- listing

    record Target(String category, URI uri) {}

    static void list(String[] args) throws Exception {
        if (args.length < 4) {
            usage();
        }
        String base = args[0].replaceAll("/$", "");
        List<Target> targets = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (!line.isBlank()) {
                String[] parts = line.split("\t", 2);
                targets.add(new Target(parts[0], URI.create(base + parts[1])));
            }
        }
        int clients = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        int warmUps = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Answer[] answers = new Answer[requests];
        Run run = runClients(URI.create(base), clients,
                warmUps, (i, http) -> listing(http, targets.get(i % targets.size())),
                requests, (i, http) -> answers[i] = listing(http, targets.get((warmUps + i) % targets.size())),
                () -> System.out.printf(Locale.ROOT, "Listing: %d requests at %d clients over %d URLs%s%n", requests,
                        clients, targets.size(), warmUps == 0 ? "" : ", after " + warmUps + " unmeasured"));
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
        printSlowMoments(answers, run, 30);
        writeAnswers(answers, run);
        long[] s = sorted(all);
        System.out.printf(Locale.ROOT, "RESULT p50_ms=%.1f p99_ms=%.1f throughput_rps=%.0f driver_cpu_s=%.2f%n",
                percentile(s, 50), percentile(s, 99), requests / seconds, run.cpuNanos() / 1e9);
        System.exit(statuses.keySet().stream().allMatch(status -> status == 200) ? 0 : 1);
    }

    /** One anonymous GET of a list. */
    static Answer listing(BenchHttp http, Target target) {
        String path = target.uri().getRawPath() + (target.uri().getRawQuery() == null ? "" : "?" + target.uri().getRawQuery());
        long start = System.nanoTime();
        int status;
        try {
            status = http.send("GET", path, null, "Accept: application/json").status();
        } catch (IOException e) {
            status = -1;
        }
        return new Answer(status, target.category(), 0, System.nanoTime() - start, start);
    }

    // ------------------------------------------------------------------------------------------- plumbing

    interface Attempt {
        void run(int index, BenchHttp http);
    }

    /** The measured part of a run: when it started (nanoTime and Unix ms), its length, and the driver's costs. */
    record Run(long startedNanos, long startedMillis, long endedNanos, long cpuNanos, long jitMillis) {
        double seconds() {
            return (endedNanos - startedNanos) / 1e9;
        }
    }

    /**
     * {@code clients} threads, each with a connection of its own to {@code base}, sending one request at a
     * time: first {@code warmUps} unmeasured ones ({@code warmUp}), then, once every client is done with
     * those, {@code count} measured ones ({@code attempt}), all clients starting together. {@code onStart}
     * runs (once) when the measurement starts.
     */
    static Run runClients(URI base, int clients, int warmUps, Attempt warmUp, int count, Attempt attempt,
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

    static long jitMillis() {
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime()
                : 0;
    }

    static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
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
