// Load driver and data set-up for bench/programmes-applications.sh, which compiles it together with
// bench/BenchHttp.java (the lean HTTP client of the measured requests) and bench/BenchLoad.java (the
// closed-loop clients and figures the drivers share) and runs it as `java -cp CLASSES ApplicationLoad ...`:
//
//   ApplicationLoad programmes BASE_URL TOKEN_FILE COUNT URL_FILE
//       creates and publishes COUNT programmes (1-3 focus areas each, eligibility maxEmployees 249), each
//       with an intake open now (counties 10 or 10 and 12), and writes URL_FILE: "<category>\t<path and
//       query>" lines of anonymous GET /api/v1/programmes requests (no filter, pages 0 and 1, focusArea,
//       county=10, openIntake=true, q); prints the first programme's id
//   ApplicationLoad intake BASE_URL TOKEN_FILE PROGRAMME_ID SEATS NAME
//       creates an intake of the programme with SEATS seats, open for applications now (no counties: the
//       programme's rules decide), and opens it; prints its id
//   ApplicationLoad submit BASE_URL TOKEN_FILE INTAKE_ID COMPANY_FILE CLIENTS COUNT [RETRY_EVERY=10]
//                  [FIRST=0] [WARMUP_INTAKE_ID WARMUP]
//       COUNT applications as staff, company i = line FIRST + i of COMPANY_FILE ("<id>\t<organisation
//       number>" lines), each with an Idempotency-Key of its own; every RETRY_EVERY-th (0: none) is sent
//       again by the same client with the same key and body (a replay: counted as a request, and it must
//       answer 201 with the first answer's application id). First, WARMUP unmeasured applications to
//       WARMUP_INTAKE_ID for the companies after those (lines FIRST + COUNT ...), retried the same way.
//       Afterwards (not measured) up to 20 of the replays are sent once more with the JDK's client, which
//       shows headers, to check Idempotent-Replayed: true (BenchHttp reads no headers)
//   ApplicationLoad approve BASE_URL TOKEN_FILE ID_FILE CLIENTS
//       POST /api/v1/applications/{id}/approve for every id of ID_FILE (one a line), CLIENTS at once, all
//       starting together; outcomes: approved (200), intake-full (409 with a type ending /intake-full),
//       other; prints RESULT ... approved=N full=N other=N
//   ApplicationLoad get BASE_URL URL_FILE CLIENTS REQUESTS [WARMUP] [TOKEN_FILE]
//       GET requests taking the URLs of URL_FILE in turn, anonymous or with the token, after WARMUP
//       unmeasured ones (the catalogue; the recommendations)
//
// Each client thread has one persistent connection (BenchHttp); the set-up requests use the JDK's client.
// The measured runs print latency percentiles (nearest rank) per category and in all, the throughput, the
// status codes, the driver's own CPU time, when the slow answers were sent and a RESULT line (every answer
// into the file BENCH_ANSWERS names, if set). Exits 1 if an answer had another status than expected or a
// check failed.
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ApplicationLoad {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final String[] FOCUS_AREAS = {
        "DIGITALISATION", "AUTOMATION", "SUSTAINABILITY", "INNOVATION", "SMART_MATERIALS", "NEW_MARKETS",
        "COMPETENCE_DEVELOPMENT", "COMPETENCE_SUPPLY"
    };
    static final String[] FUNDERS = {"VINNOVA", "ESF", "TILLVAXTVERKET", "ERUF", "REGION", "IUC_SVERIGE"};
    static final String[] WORDS = {
        "Robotlyftet", "Digitaliseringslyftet", "Hållbar produktion", "Innovationsslussen", "Materiallyftet",
        "Exportlyftet", "Kompetenslyftet", "Produktionslyftet", "Smart industri", "Lean i praktiken"
    };
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            usage();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "programmes" -> programmes(rest);
            case "intake" -> intake(rest);
            case "submit" -> submit(rest);
            case "approve" -> approve(rest);
            case "get" -> get(rest);
            default -> usage();
        }
    }

    static void usage() {
        System.err.println("""
                usage: ApplicationLoad programmes BASE_URL TOKEN_FILE COUNT URL_FILE
                       ApplicationLoad intake     BASE_URL TOKEN_FILE PROGRAMME_ID SEATS NAME
                       ApplicationLoad submit     BASE_URL TOKEN_FILE INTAKE_ID COMPANY_FILE CLIENTS COUNT [RETRY_EVERY] [FIRST] [WARMUP_INTAKE_ID WARMUP]
                       ApplicationLoad approve    BASE_URL TOKEN_FILE ID_FILE CLIENTS
                       ApplicationLoad get        BASE_URL URL_FILE CLIENTS REQUESTS [WARMUP] [TOKEN_FILE]""");
        System.exit(2);
    }

    static String base(String url) {
        return url.replaceAll("/$", "");
    }

    static String token(String file) throws IOException {
        return Files.readString(Path.of(file)).strip();
    }

    // ---------------------------------------------------------------------------------------------- set-up

    static final HttpClient JDK = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** POST as staff; the answer's body, or an exception naming the status and body. */
    static String post(String base, String token, String path, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        request = json == null
                ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = JDK.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No id in " + json);
        }
        return m.group(1);
    }

    static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]")
                .orElse("[]");
    }

    static String createProgramme(String base, String token, String code, String name, List<String> areas,
            List<String> funders) throws Exception {
        String body = """
                {"code": "%s", "name": {"sv": "%s", "en": "%s"},
                 "description": {"sv": "%s: stöd för små och medelstora tillverkare i Blekinge och Skåne.",
                                 "en": "%s: support for small and medium-sized manufacturers."},
                 "owner": "IUC_SVERIGE", "funders": %s, "focusAreas": %s,
                 "eligibility": {"maxEmployees": 249}}""".formatted(code, name, name, name, name, quoted(funders),
                quoted(areas));
        String id = id(post(base, token, "/api/v1/programmes", body, 201));
        post(base, token, "/api/v1/programmes/" + id + "/publish", null, 200);
        return id;
    }

    /** An intake open for applications from an hour ago for 30 days, and opened. */
    static String createIntake(String base, String token, String programme, int seats, String name,
            List<String> counties) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(STOCKHOLM).truncatedTo(ChronoUnit.MINUTES);
        LocalDate starts = now.toLocalDate().plusDays(40);
        String body = """
                {"name": "%s", "operatingPartners": ["techtank"], "counties": %s,
                 "applicationOpens": "%s", "applicationCloses": "%s",
                 "startsOn": "%s", "endsOn": "%s", "seats": %d}""".formatted(name, quoted(counties),
                now.minusHours(1), now.plusDays(30), starts, starts.plusDays(180), seats);
        String id = id(post(base, token, "/api/v1/programmes/" + programme + "/intakes", body, 201));
        try {
            post(base, token, "/api/v1/intakes/" + id + "/open", null, 200);
        } catch (IllegalStateException e) {
            // The service's window job may have opened it first (its window opened an hour ago): fine.
            if (!e.getMessage().contains("illegal-intake-transition") || !e.getMessage().contains("OPEN")) {
                throw e;
            }
        }
        return id;
    }

    static void programmes(String[] args) throws Exception {
        if (args.length < 4) {
            usage();
        }
        String base = base(args[0]);
        String token = token(args[1]);
        int count = Integer.parseInt(args[2]);
        Path urlFile = Path.of(args[3]);
        Random random = new Random(20261204L);
        String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase(Locale.ROOT);
        String first = null;
        for (int i = 0; i < count; i++) {
            List<String> areas = new ArrayList<>(List.of(FOCUS_AREAS));
            Collections.shuffle(areas, random);
            areas = new ArrayList<>(areas.subList(0, 1 + random.nextInt(3)));
            areas.set(0, FOCUS_AREAS[i % FOCUS_AREAS.length]); // every focus area served
            areas = areas.stream().distinct().toList();
            List<String> funders = List.of(FUNDERS[i % FUNDERS.length]);
            String name = WORDS[i % WORDS.length] + (i < WORDS.length ? "" : " " + (i / WORDS.length + 1));
            String id = createProgramme(base, token, "BENCH-" + run + "-" + i, name, areas, funders);
            createIntake(base, token, id, 20 + random.nextInt(100), "Hösten 2026",
                    i % 2 == 0 ? List.of("10") : List.of("10", "12"));
            if (first == null) {
                first = id;
            }
        }
        List<String> urls = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            urls.add("all\t/api/v1/programmes?page=" + page + "&size=10");
        }
        for (String area : FOCUS_AREAS) {
            urls.add("focusArea\t/api/v1/programmes?focusArea=" + area);
        }
        urls.add("county\t/api/v1/programmes?county=10");
        urls.add("county\t/api/v1/programmes?county=10&page=1&size=10");
        urls.add("openIntake\t/api/v1/programmes?openIntake=true");
        urls.add("openIntake\t/api/v1/programmes?openIntake=true&focusArea=AUTOMATION");
        for (String q : List.of("robot", "lyftet", "industri", "BENCH")) {
            urls.add("q\t/api/v1/programmes?q=" + q);
        }
        Collections.shuffle(urls, random);
        Files.write(urlFile, urls);
        System.out.println(first);
    }

    static void intake(String[] args) throws Exception {
        if (args.length < 5) {
            usage();
        }
        System.out.println(createIntake(base(args[0]), token(args[1]), args[2], Integer.parseInt(args[3]), args[4],
                List.of()));
    }

    // ------------------------------------------------------------------------------------------ submissions

    record Company(String id, String organisationNumber) {}

    static List<Company> companies(Path file) throws IOException {
        List<Company> companies = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                String[] parts = line.split("\t");
                companies.add(new Company(parts[0], parts[1]));
            }
        }
        return companies;
    }

    static byte[] applicationBody(Company company, int n) {
        return """
                {"company": {"organisationNumber": "%s"},
                 "contact": {"name": "Anna Berg", "email": "anna.berg.%d@verkstad.example.se", "language": "SV"},
                 "motivation": "Vi vill automatisera svetsningen och korta ställtiderna i linje %d."}"""
                .formatted(company.organisationNumber(), n, n % 7 + 1).getBytes(StandardCharsets.UTF_8);
    }

    /** A submission whose replay is to be checked afterwards with headers. */
    record Replay(String intake, String key, byte[] body, String applicationId) {}

    static void submit(String[] args) throws Exception {
        if (args.length < 6) {
            usage();
        }
        String base = base(args[0]);
        String authorization = "Authorization: Bearer " + token(args[1]);
        String intake = args[2];
        List<Company> companies = companies(Path.of(args[3]));
        int clients = Integer.parseInt(args[4]);
        int count = Integer.parseInt(args[5]);
        int retryEvery = args.length > 6 ? Integer.parseInt(args[6]) : 10;
        int first = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        String warmIntake = args.length > 9 ? args[8] : null;
        int warmUps = warmIntake == null ? 0 : Integer.parseInt(args[9]);
        if (first + count + warmUps > companies.size()) {
            throw new IllegalArgumentException("Not enough companies: " + companies.size() + " for " + first + " + "
                    + count + " + " + warmUps);
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        int replays = retryEvery > 0 ? count / retryEvery : 0;
        // The measured answers: one per submission, then one per replay after them.
        BenchLoad.Answer[] answers = new BenchLoad.Answer[count + replays];
        AtomicInteger replayed = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        ConcurrentLinkedQueue<Replay> toCheck = new ConcurrentLinkedQueue<>();
        BenchLoad.Run measured = BenchLoad.runClients(URI.create(base), clients,
                warmUps, (i, http) -> apply(http, authorization, warmIntake, companies.get(first + count + i),
                        run + "-w" + i, retryEvery > 0 && i % retryEvery == retryEvery - 1, null, 0, 0, null, null),
                count, (i, http) -> apply(http, authorization, intake, companies.get(first + i), run + "-" + i,
                        retryEvery > 0 && i % retryEvery == retryEvery - 1, answers, i,
                        retryEvery > 0 ? count + i / retryEvery : -1, wrong, toCheck),
                () -> System.out.printf(Locale.ROOT,
                        "Submissions: %d applications and %d replays at %d clients to intake %s%s%n", count,
                        replays, clients, intake, warmUps == 0 ? "" : ", after " + warmUps + " unmeasured"));
        boolean statuses = BenchLoad.report(answers, measured, 100, 201);
        for (BenchLoad.Answer a : answers) {
            if (a.outcome().equals("replay") && a.status() == 201) {
                replayed.incrementAndGet();
            }
        }
        // The header, which BenchHttp does not read: a sample of the replays once more with the JDK's client.
        int headerChecked = 0;
        int headerOk = 0;
        for (Replay replay : toCheck) {
            if (headerChecked == 20) {
                break;
            }
            headerChecked++;
            HttpResponse<String> response = JDK.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/intakes/" + replay.intake() + "/applications"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization.substring("Authorization: ".length()))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", replay.key())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(replay.body()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201
                    && response.headers().firstValue("Idempotent-Replayed").orElse("").equalsIgnoreCase("true")
                    && replay.applicationId().equals(idOrNull(response.body()))) {
                headerOk++;
            }
        }
        boolean replaysOk = replayed.get() == replays && wrong.get() == 0 && headerOk == headerChecked;
        System.out.printf(Locale.ROOT,
                "Replays: %d of %d answered 201 with the first answer's application; replays with another application"
                        + " or status: %d; Idempotent-Replayed: true on %d of %d sampled again: %s%n",
                replayed.get(), replays, wrong.get(), headerOk, headerChecked, replaysOk ? "PASS" : "FAIL");
        System.out.printf(Locale.ROOT, "CHECK replays=%s replayed=%d of=%d header=%d/%d%n", replaysOk ? "PASS" : "FAIL",
                replayed.get(), replays, headerOk, headerChecked);
        System.exit(statuses && replaysOk ? 0 : 1);
    }

    static String idOrNull(String json) {
        Matcher m = ID.matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /**
     * One application (and its replay when {@code retry}), over the client's connection; with
     * {@code answers}, records them at {@code index} and {@code replayIndex}.
     */
    static void apply(BenchHttp http, String authorization, String intake, Company company, String key,
            boolean retry, BenchLoad.Answer[] answers, int index, int replayIndex, AtomicInteger wrong,
            ConcurrentLinkedQueue<Replay> toCheck) {
        String path = "/api/v1/intakes/" + intake + "/applications";
        byte[] body = applicationBody(company, index);
        String keyHeader = "Idempotency-Key: " + key;
        long start = System.nanoTime();
        BenchHttp.Response response = send(http, path, body, authorization, keyHeader);
        long end = System.nanoTime();
        int status = response == null ? -1 : response.status();
        if (answers != null) {
            answers[index] = new BenchLoad.Answer(status, "submit", 0, end - start, start);
        }
        if (!retry) {
            return;
        }
        String firstId = response == null ? null : idOrNull(response.text());
        long again = System.nanoTime();
        BenchHttp.Response replay = send(http, path, body, authorization, keyHeader);
        long replayEnd = System.nanoTime();
        int replayStatus = replay == null ? -1 : replay.status();
        if (answers != null) {
            answers[replayIndex] = new BenchLoad.Answer(replayStatus, "replay", 0, replayEnd - again, again);
            String replayId = replay == null ? null : idOrNull(replay.text());
            if (replayStatus != 201 || firstId == null || !firstId.equals(replayId)) {
                wrong.incrementAndGet();
            } else {
                toCheck.add(new Replay(intake, key, body, firstId));
            }
        }
    }

    static BenchHttp.Response send(BenchHttp http, String path, byte[] body, String authorization, String key) {
        try {
            return http.send("POST", path, body, authorization, key, "Content-Type: application/json",
                    "Accept: application/json");
        } catch (IOException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------- approvals

    static void approve(String[] args) throws Exception {
        if (args.length < 4) {
            usage();
        }
        String base = base(args[0]);
        String authorization = "Authorization: Bearer " + token(args[1]);
        List<String> ids = Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank()).toList();
        int clients = Integer.parseInt(args[3]);
        BenchLoad.Answer[] answers = new BenchLoad.Answer[ids.size()];
        BenchLoad.Run run = BenchLoad.runClients(URI.create(base), clients, 0, (i, http) -> {}, ids.size(),
                (i, http) -> {
                    long start = System.nanoTime();
                    int status;
                    String outcome;
                    try {
                        BenchHttp.Response response = http.send("POST",
                                "/api/v1/applications/" + ids.get(i) + "/approve", "{}".getBytes(StandardCharsets.UTF_8),
                                authorization, "Content-Type: application/json", "Accept: application/json");
                        status = response.status();
                        String text = response.text();
                        outcome = status == 200 ? "approved"
                                : status == 409 && text.matches("(?s).*\"type\"\\s*:\\s*\"[^\"]*/intake-full\".*")
                                        ? "intake-full" : "other-" + status;
                    } catch (IOException e) {
                        status = -1;
                        outcome = "other-io";
                    }
                    answers[i] = new BenchLoad.Answer(status, outcome, 0, System.nanoTime() - start, start);
                },
                () -> System.out.printf(Locale.ROOT, "Approvals: %d at %d clients%n", ids.size(), clients));
        BenchLoad.report(answers, run, 100, 200);
        long approved = Arrays.stream(answers).filter(a -> a.outcome().equals("approved")).count();
        long full = Arrays.stream(answers).filter(a -> a.outcome().equals("intake-full")).count();
        System.out.printf(Locale.ROOT, "APPROVALS approved=%d full=%d other=%d%n", approved, full,
                answers.length - approved - full);
    }

    // --------------------------------------------------------------------------------------------- reading

    record Target(String category, String path) {}

    static void get(String[] args) throws Exception {
        if (args.length < 4) {
            usage();
        }
        String base = base(args[0]);
        List<Target> targets = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (!line.isBlank()) {
                String[] parts = line.split("\t", 2);
                targets.add(new Target(parts[0], parts[1]));
            }
        }
        int clients = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        String[] headers = args.length > 5
                ? new String[] {"Authorization: Bearer " + token(args[5]), "Accept: application/json"}
                : new String[] {"Accept: application/json"};
        int threshold = Integer.parseInt(System.getenv().getOrDefault("BENCH_TARGET_MS", "30"));
        BenchLoad.Answer[] answers = new BenchLoad.Answer[requests];
        BenchLoad.Run run = BenchLoad.runClients(URI.create(base), clients,
                warmup, (i, http) -> fetch(http, targets.get(i % targets.size()), headers),
                requests, (i, http) -> answers[i] = fetch(http, targets.get((warmup + i) % targets.size()), headers),
                () -> System.out.printf(Locale.ROOT, "Reading: %d requests at %d clients over %d URLs%s%n", requests,
                        clients, targets.size(), warmup == 0 ? "" : ", after " + warmup + " unmeasured"));
        System.exit(BenchLoad.report(answers, run, threshold, 200) ? 0 : 1);
    }

    static BenchLoad.Answer fetch(BenchHttp http, Target target, String[] headers) {
        long start = System.nanoTime();
        int status;
        try {
            status = http.send("GET", target.path(), null, headers).status();
        } catch (IOException e) {
            status = -1;
        }
        return new BenchLoad.Answer(status, target.category(), 0, System.nanoTime() - start, start);
    }
}
