// Load driver and data set-up for bench/events-registration.sh, which compiles it together with
// bench/BenchHttp.java (the lean HTTP client of the measured requests) and bench/BenchLoad.java (the
// clients and figures both drivers share) and runs it as `java -cp CLASSES RegistrationLoad ...`:
//
//   RegistrationLoad meeting  BASE_URL TOKEN_FILE CAPACITY [TITLE]
//       plans and publishes one public meeting 30 days ahead (as staff); prints its id
//   RegistrationLoad meetings BASE_URL TOKEN_FILE COUNT URL_FILE [SEED=20261128]
//       plans and publishes COUNT meetings for the listing (municipalities 1060/1080/1081/1082/1083, every
//       kind, 1-3 focus areas, the next 120 days) and writes URL_FILE: "<category>\t<path and query>" lines
//       of GET /api/v1/meetings requests (no filter and later pages, municipality, kind, focus area,
//       municipality + kind, 50 per page)
//   RegistrationLoad register BASE_URL[,BASE_URL...] MEETING_ID CLIENTS ATTEMPTS CAPACITY [LABEL]
//                    [WARMUP_MEETING_ID WARMUP]
//       ATTEMPTS anonymous registrations, each with an e-mail address of its own, from CLIENTS threads
//       that each send one at a time (with several base URLs, client c to the c-th in turn: replicas); CAPACITY is the meeting's, for the check of the answers; first, WARMUP
//       unmeasured registrations for another meeting, WARMUP_MEETING_ID
//   RegistrationLoad list BASE_URL URL_FILE CLIENTS REQUESTS [WARMUP]
//       anonymous GET requests taking the URLs in turn, after WARMUP unmeasured ones
//
// Each client thread has one persistent connection (BenchHttp); the set-up requests use the JDK's client.
// The unmeasured requests go over the same connections as the measured ones, and the measurement starts
// when every client is done with them, all clients at once (BenchLoad.runClients): so the measured
// requests meet neither new connections nor a cold load driver. Prints latency percentiles (nearest
// rank) overall and per outcome or category, the throughput, the status codes, the load driver's own CPU
// time, when the slow answers were sent and a RESULT line; with BENCH_ANSWERS set, it writes every answer
// into the file it names. `register` also checks the answers: exactly min(CAPACITY, ATTEMPTS) CONFIRMED,
// the rest WAITLISTED with positions 1..n, each once. Exits 1 if an answer had another status code
// (`register`: 201; `list`: 200) or a check failed.
import java.io.IOException;
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
                usage: RegistrationLoad meeting  BASE_URL TOKEN_FILE CAPACITY [TITLE]
                       RegistrationLoad meetings BASE_URL TOKEN_FILE COUNT URL_FILE [SEED]
                       RegistrationLoad register BASE_URL MEETING_ID CLIENTS ATTEMPTS CAPACITY [LABEL] [WARMUP_MEETING_ID WARMUP]
                       RegistrationLoad list     BASE_URL URL_FILE CLIENTS REQUESTS [WARMUP]""");
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

    /** One registration, anonymous, with an e-mail address of its own. */
    static BenchLoad.Answer registration(BenchHttp http, String meetingId, String label, String nonce, int i) {
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
        return new BenchLoad.Answer(status, status == 201 && outcome.find() ? outcome.group(1) : "HTTP " + status,
                position.find() ? Integer.parseInt(position.group(1)) : 0, nanos, start);
    }

    static void register(String[] args) throws Exception {
        if (args.length < 5) {
            usage();
        }
        // One base URL, or several separated by commas (replicas: the clients are spread over them in turn).
        List<URI> bases = Arrays.stream(args[0].split(",")).map(b -> URI.create(b.replaceAll("/$", ""))).toList();
        String meetingId = args[1];
        int clients = Integer.parseInt(args[2]);
        int attempts = Integer.parseInt(args[3]);
        int capacity = Integer.parseInt(args[4]);
        String label = args.length > 5 ? args[5] : "run";
        String warmUpMeetingId = args.length > 7 ? args[6] : null;
        int warmUps = warmUpMeetingId == null ? 0 : Integer.parseInt(args[7]);
        String nonce = Long.toString(System.currentTimeMillis(), 36);

        BenchLoad.Answer[] answers = new BenchLoad.Answer[attempts];
        BenchLoad.Run run = BenchLoad.runClients(bases, clients,
                warmUps, (i, http) -> registration(http, warmUpMeetingId, label + "-warm-up", nonce, i),
                attempts, (i, http) -> answers[i] = registration(http, meetingId, label, nonce, i),
                () -> System.out.printf(Locale.ROOT, "Registrations: %d attempts at %d clients%s, meeting %s (capacity %d)%s%n",
                        attempts, clients, bases.size() == 1 ? "" : " spread over " + bases.size() + " replicas", meetingId, capacity,
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
            BenchLoad.Answer a = answers[i];
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

        BenchLoad.header("outcome");
        byOutcome.forEach((outcome, nanos) -> BenchLoad.print(outcome, nanos.stream().mapToLong(Long::longValue).toArray()));
        BenchLoad.print("ALL", all);
        System.out.printf(Locale.ROOT, "Throughput: %.0f registrations/s (%d attempts in %.2f s)%n", attempts / seconds,
                attempts, seconds);
        System.out.println("Status codes: " + statuses);
        System.out.printf(Locale.ROOT, "Answers: %d CONFIRMED, %d WAITLISTED (positions %s); expected %d and %d: %s%n",
                confirmed, waitlisted,
                waitlisted == 0 ? "none" : positionsOk ? "1.." + waitlisted + ", each once" : "NOT 1.." + waitlisted + " each once",
                expectedConfirmed, attempts - expectedConfirmed, answersOk ? "PASS" : "FAIL");
        BenchLoad.printDriver(run, attempts);
        BenchLoad.printSlowMoments(answers, run, 100);
        BenchLoad.writeAnswers(answers, run);
        long[] s = BenchLoad.sorted(all);
        System.out.printf(Locale.ROOT,
                "RESULT p50_ms=%.1f p99_ms=%.1f throughput_rps=%.0f confirmed=%d waitlisted=%d answers=%s driver_cpu_s=%.2f%n",
                BenchLoad.percentile(s, 50), BenchLoad.percentile(s, 99), attempts / seconds, confirmed, waitlisted,
                answersOk ? "PASS" : "FAIL", cpu);
        boolean allCreated = statuses.keySet().stream().allMatch(status -> status == 201);
        System.exit(allCreated && answersOk ? 0 : 1);
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
        BenchLoad.Answer[] answers = new BenchLoad.Answer[requests];
        BenchLoad.Run run = BenchLoad.runClients(URI.create(base), clients,
                warmUps, (i, http) -> listing(http, targets.get(i % targets.size())),
                requests, (i, http) -> answers[i] = listing(http, targets.get((warmUps + i) % targets.size())),
                () -> System.out.printf(Locale.ROOT, "Listing: %d requests at %d clients over %d URLs%s%n", requests,
                        clients, targets.size(), warmUps == 0 ? "" : ", after " + warmUps + " unmeasured"));
        System.exit(BenchLoad.report(answers, run, 30, 200) ? 0 : 1);
    }

    /** One anonymous GET of a list. */
    static BenchLoad.Answer listing(BenchHttp http, Target target) {
        String path = target.uri().getRawPath() + (target.uri().getRawQuery() == null ? "" : "?" + target.uri().getRawQuery());
        long start = System.nanoTime();
        int status;
        try {
            status = http.send("GET", path, null, "Accept: application/json").status();
        } catch (IOException e) {
            status = -1;
        }
        return new BenchLoad.Answer(status, target.category(), 0, System.nanoTime() - start, start);
    }
}
