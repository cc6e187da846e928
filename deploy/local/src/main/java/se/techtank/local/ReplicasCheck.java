package se.techtank.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import se.techtank.platform.testing.TestOrganisationNumbers;

/**
 * Proves that two replicas of every service work as one, against a local stack started with {@code
 * deploy/local/run --replicas 2 --jobs-every 2}: writes go through both replicas alternately (companies,
 * a registration rush of {@code --registrations} anonymous registrations for a new meeting of {@code --seats}
 * seats from {@code --clients} concurrent clients, programme applications), the second replica of every
 * service gets SIGTERM mid-stream and the writes go on on the first (a request refused or cut by the
 * dying replica is sent again, with the same {@code Idempotency-Key}, to the other one). Then it checks,
 * in the databases and on Kafka: every outbox row of the run is on its topic exactly once and in order
 * per key; every consumer processed each of its events once (inbox) and the company read models equal
 * members-service's companies; exactly {@code --seats} registrations are confirmed and the rest wait in
 * order; the membership renewal check and the intake-window job (every 2 s on both replicas) each acted
 * once; both relays and both consumer-group members of every service did work. Run by {@code
 * deploy/local/replicas-check}; prints a summary and exits 1 naming every failed assertion.
 */
public final class ReplicasCheck {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final List<String> DATABASES = List.of("members", "events", "programmes", "notifications");
    private static final List<String> SERVICES =
            List.of("members-service", "events-service", "programmes-service", "notifications-service");
    private static final Map<String, Integer> PORTS = Map.of(
            "members-service", 8081, "events-service", 8082, "programmes-service", 8083, "notifications-service", 8084);
    private static final int REPLICA_STEP = Services.REPLICA_PORT_STEP;

    private final Path repo;
    private final String jdbc;
    private final String kafka;
    private final String staffToken;
    private final int registrations;
    private final int seats;
    private final int clients;
    private final int companies;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    /** Answers per service and port, and how requests went. */
    private final Map<String, AtomicInteger> answeredBy = new ConcurrentHashMap<>();

    private final AtomicInteger resent = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger duplicatesOnResend = new AtomicInteger();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final List<String> serverErrors = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Set<Integer> dead = ConcurrentHashMap.newKeySet();

    private ReplicasCheck(Map<String, String> options) throws IOException {
        this.repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        this.jdbc = options.getOrDefault("postgres", "jdbc:postgresql://127.0.0.1:55432/");
        this.kafka = options.getOrDefault("kafka", "127.0.0.1:9092");
        this.registrations = Integer.parseInt(options.getOrDefault("registrations", "400"));
        this.seats = Integer.parseInt(options.getOrDefault("seats", "150"));
        this.clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        this.companies = Integer.parseInt(options.getOrDefault("companies", "40"));
        this.staffToken =
                Files.readString(repo.resolve(".local/tokens/staff.jwt")).strip();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        List<String> failed = new ReplicasCheck(options).check();
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    // ---- the run ----------------------------------------------------------------------------------------------

    private List<String> check() throws Exception {
        long start = System.nanoTime();
        Map<String, Long> second = secondReplicas();
        for (String service : SERVICES) {
            for (int port : ports(service)) {
                int status = ApiClient.status("http://127.0.0.1:" + (port + 100) + "/q/health/ready");
                if (status != 200) {
                    throw new IllegalStateException(service + " on :" + port + " is not ready (" + status
                            + "): start the stack with deploy/local/run --replicas 2 --jobs-every 2");
                }
            }
        }
        Map<String, Long> baseline = new LinkedHashMap<>();
        for (String database : DATABASES) {
            baseline.put(database, queryLong(database, "select coalesce(max(seq), 0) from platform.outbox"));
        }
        OffsetDateTime since = OffsetDateTime.now().minusSeconds(1);
        System.out.printf("Replicas check %s: 2 replicas of each service (second: %s)%n", run, second.values());

        // 1. Jobs: three member companies whose membership year just ended (the renewal check must suspend each
        //    once), and an intake whose application window opens in a few seconds (the window job opens it once).
        List<String> lapsed = lapseMemberships(3);
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        List<String> createdNumbers = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < companies / 2; i++) {
            registerCompany(i, created, createdNumbers);
        }
        String programme = createProgramme("A");
        String openIntake = intake(programme, OffsetDateTime.now().minusDays(1), 1, true);
        String jobProgramme = createProgramme("B");
        String jobIntake = intake(jobProgramme, OffsetDateTime.now().plusSeconds(6), 0, false);
        String meeting = createMeeting();
        System.out.printf(
                "  set up: %d companies, meeting %s (%d seats), intake %s open, intake %s opening by the job;"
                        + " memberships lapsed: %d%n",
                created.size(), meeting, seats, openIntake, jobIntake, lapsed.size());
        List<String> applicants = List.copyOf(createdNumbers);
        awaitInReadModel("programmes", created);

        // 2. The stream: registrations from many clients, companies and applications, both replicas alternately;
        //    SIGTERM to every second replica once 40% of the registrations are answered.
        ExecutorService pool = Executors.newFixedThreadPool(clients + 2);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger confirmedAnswers = new AtomicInteger();
        AtomicInteger waitlistedAnswers = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        Map<String, Map<Integer, Map<String, Double>>> metrics = new ConcurrentHashMap<>();
        List<String> killLines = new CopyOnWriteArrayList<>();
        AtomicLong killedAt = new AtomicLong();
        int killAfter = registrations * 2 / 5;
        List<Future<?>> work = new ArrayList<>();
        AtomicInteger nextRegistration = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                int i;
                while ((i = nextRegistration.getAndIncrement()) < registrations) {
                    String status = register(meeting, i);
                    if ("CONFIRMED".equals(status)) {
                        confirmedAnswers.incrementAndGet();
                    } else if ("WAITLISTED".equals(status)) {
                        waitlistedAnswers.incrementAndGet();
                    }
                    if (answered.incrementAndGet() == killAfter && killed.compareAndSet(false, true)) {
                        killedAt.set(System.nanoTime());
                        killSecondReplicas(second, metrics, killLines);
                    }
                }
                return null;
            }));
        }
        // Companies and applications keep pace with the rush, so that they go on before and after the SIGTERM.
        int moreCompanies = companies - companies / 2;
        work.add(pool.submit(() -> {
            for (int i = 0; i < moreCompanies; i++) {
                awaitAnswered(answered, (long) registrations * i / moreCompanies);
                registerCompany(companies / 2 + i, created, createdNumbers);
            }
            return null;
        }));
        work.add(pool.submit(() -> {
            for (int i = 0; i < applicants.size(); i++) {
                awaitAnswered(answered, (long) registrations * i / applicants.size());
                apply(openIntake, applicants.get(i), i);
            }
            return null;
        }));
        for (Future<?> f : work) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        double streamSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "  stream: %d registrations answered (%d CONFIRMED, %d WAITLISTED), %d companies, %d applications"
                        + " in %.1f s%n",
                answered.get(),
                confirmedAnswers.get(),
                waitlistedAnswers.get(),
                created.size(),
                applicants.size(),
                streamSeconds);
        killLines.forEach(System.out::println);
        if (!killed.get()) {
            failures.add("the second replicas were never stopped (fewer than " + killAfter + " registrations)");
        }

        // 3. Wait until every outbox row of the run is sent, the jobs acted and the read models caught up.
        for (String database : DATABASES) {
            awaitOutboxSent(database, baseline.get(database));
        }
        awaitInReadModel("events", created);
        awaitInReadModel("notifications", created);
        awaitJobs(lapsed, jobIntake);
        for (String service : SERVICES) {
            metrics.computeIfAbsent(service, s -> new ConcurrentHashMap<>())
                    .put(PORTS.get(service), scrape(PORTS.get(service) + 100));
        }

        // 4. Assertions.
        List<Row> rows = new ArrayList<>();
        for (String database : DATABASES) {
            rows.addAll(outboxRows(database, baseline.get(database)));
        }
        Map<String, List<Delivered>> onKafka = readTopics(rows);
        checkDelivery(rows, onKafka);
        checkInbox(rows);
        checkReadModels();
        checkMeeting(meeting);
        checkJobs(lapsed, jobIntake, since, rows);
        checkApplications(openIntake, applicants.size());
        checkReplicasWorked(metrics);
        checkShutdowns();
        if (!serverErrors.isEmpty()) {
            failures.add(serverErrors.size() + " answers 5xx (not 503) from a service: "
                    + String.join("; ", serverErrors.subList(0, Math.min(3, serverErrors.size()))));
        }

        // 5. Summary.
        System.out.println("Requests answered per replica:");
        for (String service : List.of("members-service", "events-service", "programmes-service")) {
            System.out.printf(
                    "  %-22s %s%n",
                    service,
                    String.join(
                            ", ",
                            ports(service).stream()
                                    .map(p -> ":" + p + " "
                                            + answeredBy
                                                    .getOrDefault(service + ":" + p, new AtomicInteger())
                                                    .get())
                                    .toList()));
        }
        System.out.printf(
                "  sent again to the other replica (refused, cut or 503 while stopping): %d; 503 answers: %d;"
                        + " 409 in progress: %d; 409 duplicate on a resend (the first try had been accepted): %d;"
                        + " other 5xx: %d%n",
                resent.get(), busy.get(), inProgress.get(), duplicatesOnResend.get(), serverErrors.size());
        long events = rows.size();
        System.out.printf(
                "Figures: registrations %d (confirmed %d of %d seats), companies %d, applications %d, kills 4 (%.1f s"
                        + " into the run), events %d, duplicates %d, missing %d, time %.1f s%n",
                registrations,
                countConfirmed,
                seats,
                created.size(),
                applicants.size(),
                (killedAt.get() - start) / 1e9,
                events,
                duplicates,
                missing,
                (System.nanoTime() - start) / 1e9);
        if (failures.isEmpty()) {
            System.out.println("PASS: two replicas of each service, proven.");
        } else {
            System.out.println("FAILED:");
            failures.forEach(f -> System.out.println("  - " + f));
        }
        return failures;
    }

    // ---- writes -----------------------------------------------------------------------------------------------

    private record Answer(int port, int status, String body, String location) {

        /** The id of what a 201 created: in the body, else the last segment of Location. */
        String id() {
            String id = json().path("id").asText("");
            return !id.isEmpty() || location == null ? id : location.substring(location.lastIndexOf('/') + 1);
        }

        JsonNode json() {
            try {
                return ApiClient.JSON.readTree(body);
            } catch (IOException e) {
                return ApiClient.JSON.createObjectNode();
            }
        }
    }

    /**
     * Sends a write to replica {@code preferred} (0 or 1) of {@code service}, and to the other replica when the
     * connection is refused or cut or the answer is 503, always with the same Idempotency-Key. Answers 5xx other
     * than 503 are recorded as server errors (and sent again).
     */
    private Answer write(String service, int preferred, String path, String token, Object body)
            throws InterruptedException, IOException {
        String key = UUID.randomUUID().toString();
        String json = ApiClient.JSON.writeValueAsString(body);
        List<Integer> ports = ports(service);
        int replica = preferred % 2;
        boolean resend = false;
        // A key left "in progress" by a replica stopped between its commit and keeping the answer is free again
        // after techtank.idempotency.abandoned-after (1 min): wait that long at most.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            int port = ports.get(replica);
            if (dead.contains(port)) {
                replica = 1 - replica;
                port = ports.get(replica);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                resent.incrementAndGet();
                resend = true;
                replica = 1 - replica;
                Thread.sleep(100);
                continue;
            }
            int status = response.statusCode();
            if (status == 503) {
                busy.incrementAndGet();
                resent.incrementAndGet();
                resend = true;
                replica = 1 - replica;
                Thread.sleep(300);
                continue;
            }
            if (status >= 500) {
                serverErrors.add(service + " :" + port + " " + path + " " + status + " " + shorten(response.body()));
                resend = true;
                Thread.sleep(300);
                continue;
            }
            if (status == 409 && response.body().contains("in-progress")) {
                inProgress.incrementAndGet(); // the first try is still running, or its replica stopped midway
                Thread.sleep(1000);
                continue;
            }
            if (status == 409 && resend && response.body().contains("duplicate")) {
                duplicatesOnResend.incrementAndGet(); // the first try was accepted before its replica went away
                answeredBy
                        .computeIfAbsent(service + ":" + port, p -> new AtomicInteger())
                        .incrementAndGet();
                return new Answer(port, 201, "{}", null);
            }
            answeredBy
                    .computeIfAbsent(service + ":" + port, p -> new AtomicInteger())
                    .incrementAndGet();
            return new Answer(
                    port,
                    status,
                    response.body(),
                    response.headers().firstValue("Location").orElse(null));
        }
        throw new IllegalStateException(service + " " + path + ": no answer within 120 s");
    }

    private static void awaitAnswered(AtomicInteger answered, long n) throws InterruptedException {
        while (answered.get() < n) {
            Thread.sleep(20);
        }
    }

    private Answer expect(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + shorten(answer.body()));
        }
        return answer;
    }

    private void registerCompany(int i, List<String> created, List<String> numbers) throws Exception {
        String number = TestOrganisationNumbers.next();
        Map<String, Object> body = Map.of(
                "organisationNumber",
                number,
                "name",
                "Replikprov " + run + " " + i + " AB",
                "municipalityCode",
                "1080");
        Answer answer = write("members-service", i, "/api/v1/companies", staffToken, body);
        if (answer.status() == 409 && answer.body().contains("organisation")) {
            registerCompany(i, created, numbers); // a random number taken already: another one
            return;
        }
        expect(answer, 201, "POST /api/v1/companies");
        if (!answer.id().isEmpty()) { // empty: accepted by a replica that stopped before it answered
            created.add(answer.id());
        }
        numbers.add(number);
    }

    private String register(String meeting, int i) throws Exception {
        Map<String, Object> body = Map.of(
                "attendee",
                Map.of(
                        "name",
                        "Deltagare " + i,
                        "email",
                        "rush-" + run + "-" + i + "@replikprov.example.se",
                        "language",
                        "sv"),
                "attendeeListConsent",
                true);
        Answer answer = write("events-service", i, "/api/v1/meetings/" + meeting + "/registrations", null, body);
        if (answer.status() != 201) {
            failures.add("registration " + i + " answered " + answer.status() + ": " + shorten(answer.body()));
            return null;
        }
        return answer.json().path("status").asText(null);
    }

    private void apply(String intake, String organisationNumber, int i) throws Exception {
        Map<String, Object> body = Map.of(
                "company", Map.of("organisationNumber", organisationNumber),
                "contact",
                        Map.of("name", "Kontakt " + i, "email", "ansokan-" + run + "-" + i + "@replikprov.example.se"),
                "motivation", "Replikprov.",
                "eligibilityOverride", Map.of("reason", "Replikprov: ansökt av Techtank"));
        Answer answer = write("programmes-service", i, "/api/v1/intakes/" + intake + "/applications", staffToken, body);
        if (answer.status() != 201) {
            failures.add("application " + i + " answered " + answer.status() + ": " + shorten(answer.body()));
        }
    }

    private String createProgramme(String suffix) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", ("REPLIKPROV-" + run + "-" + suffix).toUpperCase());
        body.put("name", Map.of("sv", "Replikprov " + run + " " + suffix, "en", "Replica check " + run + " " + suffix));
        body.put("description", Map.of("sv", "Ett program för replikprovet."));
        body.put("owner", "IUC_SVERIGE");
        body.put("funders", List.of("VINNOVA"));
        body.put("focusAreas", List.of("AUTOMATION"));
        body.put("eligibility", Map.of("counties", List.of("10")));
        String id = expect(write("programmes-service", 0, "/api/v1/programmes", staffToken, body), 201, "programme")
                .id();
        expect(
                write("programmes-service", 1, "/api/v1/programmes/" + id + "/publish", staffToken, Map.of()),
                200,
                "publish programme");
        return id;
    }

    private String intake(String programme, OffsetDateTime opens, int replica, boolean openNow) throws Exception {
        LocalDate today = LocalDate.now(STOCKHOLM);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Replikprov " + run);
        body.put("operatingPartners", List.of("techtank"));
        body.put("counties", List.of("10"));
        body.put("applicationOpens", opens.truncatedTo(ChronoUnit.SECONDS).toString());
        body.put(
                "applicationCloses",
                ZonedDateTime.of(today.plusDays(60), LocalTime.of(23, 59), STOCKHOLM)
                        .toOffsetDateTime()
                        .toString());
        body.put("startsOn", today.plusDays(75).toString());
        body.put("endsOn", today.plusDays(300).toString());
        body.put("seats", 100);
        String id = expect(
                        write(
                                "programmes-service",
                                replica,
                                "/api/v1/programmes/" + programme + "/intakes",
                                staffToken,
                                body),
                        201,
                        "intake")
                .id();
        if (openNow) {
            // Its opening time is past, so the intake window job (every 2 s, on both replicas) may open it first:
            // then the explicit open is refused as a transition from OPEN, which is the state wanted.
            Answer opened =
                    write("programmes-service", 1 - replica, "/api/v1/intakes/" + id + "/open", staffToken, Map.of());
            if (!(opened.status() == 409 && opened.body().contains("that is OPEN"))) {
                expect(opened, 200, "open intake");
            }
        }
        return id;
    }

    private String createMeeting() throws Exception {
        LocalDate day = LocalDate.now(STOCKHOLM).plusDays(10);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "CONFERENCE");
        body.put("title", Map.of("sv", "Replikprov " + run, "en", "Replica check " + run));
        body.put("description", Map.of("sv", "Registreringsrusning mot två repliker.", "en", "A registration rush."));
        body.put("municipalityCode", "1080");
        body.put("coOrganisers", List.of());
        body.put("venue", Map.of("name", "Konferens Trossö", "address", "Ronnebygatan 20, 371 33 Karlskrona"));
        body.put("start", day.atTime(9, 0).toString());
        body.put("end", day.atTime(16, 0).toString());
        body.put("capacity", seats);
        body.put("maxPerCompany", 2);
        body.put(
                "registrationOpens",
                LocalDate.now(STOCKHOLM).minusDays(1).atTime(9, 0).toString());
        body.put("registrationCloses", day.minusDays(1).atTime(23, 59).toString());
        body.put("audience", "PUBLIC");
        body.put("approvalRequired", false);
        body.put("focusAreas", List.of("AUTOMATION"));
        String id = expect(write("events-service", 0, "/api/v1/meetings", staffToken, body), 201, "meeting")
                .id();
        expect(
                write("events-service", 1, "/api/v1/meetings/" + id + "/publish", staffToken, Map.of()),
                200,
                "publish meeting");
        return id;
    }

    /** Ends the membership year of {@code n} active members yesterday, as if they had not renewed. */
    private List<String> lapseMemberships(int n) throws SQLException {
        try (Connection c = connect("members");
                PreparedStatement s = c.prepareStatement("""
                        update company set membership_valid_until = current_date - 1, version = version + 1
                         where id in (select id from company where membership_status = 'ACTIVE'
                                       and membership_valid_until >= current_date order by id limit ?)
                        returning id::text""")) {
            s.setInt(1, n);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            if (ids.size() < n) {
                failures.add("only " + ids.size() + " active memberships to lapse (demo data not loaded?)");
            }
            return ids;
        }
    }

    // ---- the kill ---------------------------------------------------------------------------------------------

    private Map<String, Long> secondReplicas() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path file = repo.resolve(".local/pids/" + service + "-2.pid");
            Optional<ProcessHandle> handle = ChildProcess.readPid(file)
                    .flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> ChildProcess.commandLineMentions(h, repo.toString()));
            if (handle.isEmpty()) {
                throw new IllegalStateException("No second replica of " + service + " (" + repo.relativize(file)
                        + "): start the stack with deploy/local/run --replicas 2 --jobs-every 2");
            }
            pids.put(service, handle.get().pid());
        }
        return pids;
    }

    private void killSecondReplicas(
            Map<String, Long> pids, Map<String, Map<Integer, Map<String, Double>>> metrics, List<String> lines) {
        // Their metrics first: a stopped replica has none to show.
        for (String service : SERVICES) {
            int port = PORTS.get(service) + REPLICA_STEP;
            metrics.computeIfAbsent(service, s -> new ConcurrentHashMap<>()).put(port, scrape(port + 100));
        }
        long t0 = System.nanoTime();
        List<ProcessHandle> handles = new ArrayList<>();
        for (String service : SERVICES) {
            ProcessHandle.of(pids.get(service)).ifPresent(h -> {
                h.destroy(); // SIGTERM
                handles.add(h);
            });
            dead.add(PORTS.get(service) + REPLICA_STEP);
        }
        lines.add(String.format(
                "  SIGTERM to %s (pids %s) after %d of %d registrations",
                String.join(", ", SERVICES.stream().map(s -> s + "-2").toList()),
                pids.values(),
                registrations * 2 / 5,
                registrations));
        Thread waiter = new Thread(() -> {
            for (ProcessHandle h : handles) {
                try {
                    h.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    failures.add("a second replica (pid " + h.pid() + ") did not exit within 30 s of SIGTERM");
                }
            }
            lines.add(
                    String.format("  the second replicas exited %.1f s after SIGTERM", (System.nanoTime() - t0) / 1e9));
        });
        waiter.start();
        try {
            waiter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- waiting ----------------------------------------------------------------------------------------------

    private void awaitInReadModel(String database, List<String> companyIds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long found = 0;
        while (System.nanoTime() < deadline) {
            found = countIn(database, "select count(*) from company where id::text = any(?)", companyIds);
            if (found == companyIds.size()) {
                return;
            }
            Thread.sleep(250);
        }
        failures.add(database + "'s company read model holds " + found + " of the " + companyIds.size()
                + " companies after 60 s");
    }

    private void awaitOutboxSent(String database, long baseline) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long unsent = 0;
        while (System.nanoTime() < deadline) {
            unsent = queryLong(
                    database, "select count(*) from platform.outbox where seq > " + baseline + " and sent_at is null");
            if (unsent == 0) {
                return;
            }
            Thread.sleep(250);
        }
        failures.add(database + ": " + unsent + " outbox rows of the run still unsent after 60 s");
    }

    private void awaitJobs(List<String> lapsed, String jobIntake) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            long suspended = countIn(
                    "members",
                    "select count(*) from company where membership_status = 'SUSPENDED' and id::text = any(?)",
                    lapsed);
            long open = countIn(
                    "programmes",
                    "select count(*) from intake where status = 'OPEN' and id::text = any(?)",
                    List.of(jobIntake));
            if (suspended == lapsed.size() && open == 1) {
                Thread.sleep(5000); // a few more runs of each job, which must change nothing
                return;
            }
            Thread.sleep(500);
        }
    }

    // ---- checks -----------------------------------------------------------------------------------------------

    private record Row(
            String database, long seq, String id, String topic, String key, String type, OffsetDateTime time) {}

    private record Delivered(String topic, int partition, long offset, String key, String type) {}

    private long duplicates;
    private long missing;
    private long countConfirmed;

    private List<Row> outboxRows(String database, long baseline) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = connect(database);
                PreparedStatement s = c.prepareStatement(
                        "select seq, id::text, topic, aggregate_id, event_type, occurred_at from platform.outbox"
                                + " where seq > ? order by seq")) {
            s.setLong(1, baseline);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            database,
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class)));
                }
            }
        }
        return rows;
    }

    /** Every record of the topics the run wrote to, from the beginning: ce_id → where it is. */
    private Map<String, List<Delivered>> readTopics(List<Row> rows) {
        Set<String> topics = new HashSet<>();
        rows.forEach(r -> topics.add(r.topic()));
        Map<String, List<Delivered>> byId = new HashMap<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    String id = header(record, "ce_id");
                    if (id != null) {
                        byId.computeIfAbsent(id, k -> new ArrayList<>())
                                .add(new Delivered(
                                        record.topic(),
                                        record.partition(),
                                        record.offset(),
                                        record.key(),
                                        header(record, "ce_type")));
                    }
                }
            }
        }
        return byId;
    }

    private void checkDelivery(List<Row> rows, Map<String, List<Delivered>> onKafka) {
        List<String> problems = new ArrayList<>();
        List<String> timeGoesBack = new ArrayList<>();
        Map<String, List<Row>> perKey = new LinkedHashMap<>();
        for (Row row : rows) {
            List<Delivered> copies = onKafka.getOrDefault(row.id(), List.of());
            if (copies.isEmpty()) {
                missing++;
                problems.add("missing " + row.type() + " " + row.id());
                continue;
            }
            if (copies.size() > 1) {
                duplicates += copies.size() - 1;
                problems.add(copies.size() + " copies of " + row.type() + " " + row.id());
            }
            Delivered d = copies.get(0);
            if (!d.topic().equals(row.topic())
                    || !row.key().equals(d.key())
                    || !row.type().equals(d.type())) {
                problems.add(row.id() + " on " + d.topic() + " key " + d.key() + " type " + d.type() + ", written for "
                        + row.topic() + " key " + row.key() + " type " + row.type());
            }
            perKey.computeIfAbsent(row.topic() + "/" + row.key(), k -> new ArrayList<>())
                    .add(row);
        }
        int outOfOrder = 0;
        for (Map.Entry<String, List<Row>> entry : perKey.entrySet()) {
            List<Row> written = entry.getValue(); // by seq: the order written
            List<Row> published = new ArrayList<>(written);
            published.sort((a, b) -> {
                Delivered x = onKafka.get(a.id()).get(0);
                Delivered y = onKafka.get(b.id()).get(0);
                return x.partition() != y.partition()
                        ? Integer.compare(x.partition(), y.partition())
                        : Long.compare(x.offset(), y.offset());
            });
            if (!published.equals(written)) {
                outOfOrder++;
                problems.add("out of order for " + entry.getKey() + ": written "
                        + written.stream().map(Row::type).toList() + ", on Kafka "
                        + published.stream().map(Row::type).toList());
            }
            for (int i = 1; i < written.size(); i++) {
                if (written.get(i).time().isBefore(written.get(i - 1).time())) {
                    timeGoesBack.add(entry.getKey() + " " + written.get(i - 1).type() + " "
                            + written.get(i - 1).time() + " then "
                            + written.get(i).type() + " " + written.get(i).time());
                }
            }
        }
        Map<String, Integer> perTopic = new TreeMap<>();
        rows.forEach(r -> perTopic.merge(r.topic(), 1, Integer::sum));
        System.out.printf(
                "Outbox → Kafka: %d rows of this run (%s), %d keys; missing %d, duplicates %d, keys out of order %d%n",
                rows.size(), perTopic, perKey.size(), missing, duplicates, outOfOrder);
        if (!timeGoesBack.isEmpty()) {
            // Not the relays' doing: ce_time is the producing transaction's time, and a transaction that waited
            // for a lock may write after one that began later. Reported, since consumers compare ce_time.
            System.out.printf(
                    "  note: ce_time goes back between consecutive events of %d keys, e.g. %s%n",
                    timeGoesBack.size(), timeGoesBack.get(0));
        }
        if (!problems.isEmpty()) {
            failures.add("outbox rows not on Kafka exactly once and in order: " + problems.size() + " problems, e.g. "
                    + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
        }
    }

    /** Each consumer processed each event of the run on the topics it reads once (platform.inbox). */
    private void checkInbox(List<Row> rows) throws Exception {
        // The consumers may still be working through the rush: wait (up to 60 s) until nothing is lacking.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> problems = inboxProblems(rows, false);
        while (!problems.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            problems = inboxProblems(rows, false);
        }
        failures.addAll(inboxProblems(rows, true));
    }

    private List<String> inboxProblems(List<Row> rows, boolean print) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<String> ids = new ArrayList<>(byId.keySet());
        StringBuilder line = new StringBuilder("Inbox: ");
        for (String database : List.of("members", "events", "programmes", "notifications")) {
            Map<String, Set<String>> processed = new TreeMap<>();
            try (Connection c = connect(database);
                    PreparedStatement s = c.prepareStatement(
                            "select consumer, event_id from platform.inbox where event_id = any(?)")) {
                s.setArray(1, c.createArrayOf("text", ids.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (!processed
                                .computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                                .add(rs.getString(2))) {
                            problems.add(database + ": consumer " + rs.getString(1) + " processed " + rs.getString(2)
                                    + " twice");
                        }
                    }
                }
            }
            for (Map.Entry<String, Set<String>> entry : processed.entrySet()) {
                Set<String> topics = new HashSet<>();
                entry.getValue().forEach(id -> topics.add(byId.get(id).topic()));
                List<Row> expected =
                        rows.stream().filter(r -> topics.contains(r.topic())).toList();
                long lacking = expected.stream()
                        .filter(r -> !entry.getValue().contains(r.id()))
                        .count();
                line.append(database)
                        .append('/')
                        .append(entry.getKey())
                        .append(' ')
                        .append(entry.getValue().size())
                        .append("  ");
                if (lacking > 0) {
                    problems.add(database + ": consumer " + entry.getKey() + " lacks " + lacking + " of the "
                            + expected.size() + " events of this run on " + topics);
                }
            }
        }
        if (print) {
            System.out.println(line.toString().stripTrailing() + " (events of this run processed, once each)");
        }
        return problems;
    }

    private void checkReadModels() throws SQLException {
        Map<String, String> source = companies("members");
        StringBuilder line = new StringBuilder("Company read models: members " + source.size());
        for (String database : List.of("events", "programmes", "notifications")) {
            Map<String, String> model = companies(database);
            line.append(", ").append(database).append(' ').append(model.size());
            List<String> wrong = new ArrayList<>();
            source.forEach((id, name) -> {
                if (!name.equals(model.get(id))) {
                    wrong.add(id + " " + name + " → " + model.get(id));
                }
            });
            if (!database.equals("programmes")) { // programmes also keeps companies applicants declared
                model.keySet().stream()
                        .filter(id -> !source.containsKey(id))
                        .forEach(id -> wrong.add(id + " not in members"));
            }
            if (!wrong.isEmpty()) {
                failures.add(database + "'s company read model differs from members-service's companies: "
                        + wrong.size() + ", e.g. " + wrong.get(0));
            }
        }
        System.out.println(line + " (same ids and names)");
    }

    private void checkMeeting(String meeting) throws SQLException {
        Map<String, Long> byStatus = new TreeMap<>();
        long positions = 0;
        long distinctPositions = 0;
        long maxPosition = 0;
        try (Connection c = connect("events");
                PreparedStatement s = c.prepareStatement(
                        "select status, count(*), count(distinct waitlist_position), coalesce(max(waitlist_position), 0),"
                                + " count(waitlist_position) from registration where meeting_id = ?::uuid group by status")) {
            s.setString(1, meeting);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                    if ("WAITLISTED".equals(rs.getString(1))) {
                        distinctPositions = rs.getLong(3);
                        maxPosition = rs.getLong(4);
                        positions = rs.getLong(5);
                    }
                }
            }
        }
        countConfirmed = byStatus.getOrDefault("CONFIRMED", 0L);
        long waitlisted = byStatus.getOrDefault("WAITLISTED", 0L);
        System.out.printf("Meeting %s: %s%n", meeting, byStatus);
        if (countConfirmed != seats) {
            failures.add("meeting: " + countConfirmed + " CONFIRMED, expected exactly " + seats);
        }
        if (countConfirmed + waitlisted != registrations || byStatus.size() > 2) {
            failures.add("meeting: " + byStatus + ", expected " + seats + " CONFIRMED and " + (registrations - seats)
                    + " WAITLISTED");
        }
        if (positions != waitlisted || distinctPositions != waitlisted || maxPosition != waitlisted) {
            failures.add("meeting: waitlist positions are not 1.." + waitlisted + " each once (" + distinctPositions
                    + " distinct, highest " + maxPosition + ")");
        }
    }

    private void checkJobs(List<String> lapsed, String jobIntake, OffsetDateTime since, List<Row> rows)
            throws SQLException {
        Map<String, Long> transitions = new HashMap<>();
        try (Connection c = connect("members");
                PreparedStatement s = c.prepareStatement(
                        "select company_id::text, count(*) from membership_transition where to_status = 'SUSPENDED'"
                                + " and reason = 'NOT_RENEWED' and occurred_at >= ? and company_id::text = any(?)"
                                + " group by company_id")) {
            s.setObject(1, since);
            s.setArray(2, c.createArrayOf("text", lapsed.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    transitions.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        for (String company : lapsed) {
            long events = rows.stream()
                    .filter(r -> r.key().equals(company) && r.type().endsWith(".membership-suspended"))
                    .count();
            long suspensions = transitions.getOrDefault(company, 0L);
            if (suspensions != 1 || events != 1) {
                failures.add("membership renewal check: company " + company + " suspended " + suspensions + " times, "
                        + events + " membership-suspended events (expected 1 and 1)");
            }
        }
        long opened = rows.stream()
                .filter(r -> r.type().endsWith(".intake-opened") && r.database().equals("programmes") && r.seq() > 0)
                .filter(r -> intakeOf(r).equals(jobIntake))
                .count();
        if (opened != 1) {
            failures.add(
                    "intake-window job: " + opened + " intake-opened events for intake " + jobIntake + " (expected 1)");
        }
        String runs = jobRuns();
        System.out.printf(
                "Jobs (every 2 s on both replicas): renewal check suspended %d lapsed memberships, each once (%s);"
                        + " intake window job opened intake %s %d time(s)%n  runs that acted, by replica: %s%n",
                transitions.values().stream().mapToLong(Long::longValue).sum(),
                transitions.values(),
                jobIntake,
                opened,
                runs);
    }

    private final Map<String, String> intakeByEvent = new HashMap<>();

    /** The intake an intake-opened event is about (its payload). */
    private String intakeOf(Row row) {
        return intakeByEvent.computeIfAbsent(row.id(), id -> {
            try (Connection c = connect("programmes");
                    PreparedStatement s =
                            c.prepareStatement("select payload::text from platform.outbox where id = ?::uuid")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return "";
                    }
                    JsonNode payload = ApiClient.JSON.readTree(rs.getString(1));
                    JsonNode intake = payload.path("intake");
                    String found = intake.isMissingNode()
                            ? payload.path("intakeId").asText("")
                            : intake.path("id").asText("");
                    return found.isEmpty() ? rs.getString(1) : found;
                }
            } catch (Exception e) {
                return "";
            }
        });
    }

    /**
     * The second replicas stopped without an error: a record processed while the service stops must finish
     * against an open database (ConsumersStopFirst), not fail with "EntityManagerFactory is closed"
     * ("[Error Occurred After Shutdown]"). Prints how long each took to stop.
     */
    private void checkShutdowns() {
        List<String> stops = new ArrayList<>();
        for (String service : SERVICES) {
            Path file = repo.resolve(".local/logs/" + service + "-2.log");
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                failures.add("no log of " + service + "-2: " + e.getMessage());
                continue;
            }
            long errors = lines.stream()
                    .filter(l -> l.contains("Error Occurred After Shutdown"))
                    .count();
            String stopped = lines.stream()
                    .filter(l -> l.contains(" stopped in "))
                    .map(l -> l.substring(l.indexOf(" stopped in ") + 12).trim())
                    .findFirst()
                    .orElse("?");
            stops.add(service + "-2 " + stopped);
            if (errors > 0) {
                failures.add(service + "-2 logged " + errors + " errors after its shutdown began (" + file + ")");
            }
        }
        System.out.println("Stopped (SIGTERM mid-stream): " + String.join(", ", stops));
    }

    private String jobRuns() {
        List<String> parts = new ArrayList<>();
        for (String log :
                List.of("members-service", "members-service-2", "programmes-service", "programmes-service-2")) {
            Path file = repo.resolve(".local/logs/" + log + ".log");
            long n = 0;
            try {
                n = Files.readAllLines(file).stream()
                        .filter(l -> l.contains("memberships that were not renewed")
                                || l.contains("intakes whose application window"))
                        .count();
            } catch (IOException e) {
                // no log: 0
            }
            parts.add(log + " " + n);
        }
        return String.join(", ", parts);
    }

    private void checkApplications(String intake, int expected) throws SQLException {
        long applications =
                queryLong("programmes", "select count(*) from application where intake_id = '" + intake + "'::uuid");
        System.out.printf("Applications for intake %s: %d of %d%n", intake, applications, expected);
        if (applications != expected) {
            failures.add("intake " + intake + " holds " + applications + " applications, expected " + expected);
        }
    }

    /** Both relays and both consumer-group members of each service did work (their metrics). */
    private void checkReplicasWorked(Map<String, Map<Integer, Map<String, Double>>> metrics) {
        System.out.println(
                "Per replica (the second's before its SIGTERM): outbox rows published," + " Kafka records consumed");
        for (String service : SERVICES) {
            Map<Integer, Map<String, Double>> byPort = metrics.getOrDefault(service, Map.of());
            StringBuilder line = new StringBuilder(String.format("  %-22s", service));
            for (int port : ports(service)) {
                Map<String, Double> m = byPort.getOrDefault(port, Map.of());
                double published = m.getOrDefault("published", 0.0);
                double consumed = m.getOrDefault("consumed", 0.0);
                line.append(String.format(" :%d published %.0f, consumed %.0f;", port, published, consumed));
                if (!service.equals("notifications-service") && published <= 0) {
                    failures.add(service + " :" + port + ": its outbox relay published nothing"
                            + " (techtank_outbox_published_total)");
                }
                if (!service.equals("members-service") && consumed <= 0) {
                    failures.add(service + " :" + port + ": its Kafka consumers consumed nothing"
                            + " (kafka_consumer_fetch_manager_records_consumed_total)");
                }
            }
            System.out.println(line);
        }
    }

    /** techtank_outbox_published_total and kafka_consumer_fetch_manager_records_consumed_total (all clients). */
    private Map<String, Double> scrape(int managementPort) {
        Map<String, Double> values = new HashMap<>();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/metrics"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            double published = 0;
            // Per consumer (client_id) a total and per-topic series, the latter twice (topic a.b.c and a_b_c);
            // each consumer reads one topic, so its largest series is what it consumed.
            Map<String, Double> consumedByClient = new HashMap<>();
            for (String line : response.body().split("\n")) {
                if (line.startsWith("techtank_outbox_published_total")) {
                    published += value(line);
                } else if (line.startsWith("kafka_consumer_fetch_manager_records_consumed_total")) {
                    int from = line.indexOf("client_id=\"");
                    String client = from < 0 ? "" : line.substring(from, line.indexOf('"', from + 11));
                    consumedByClient.merge(client, value(line), Math::max);
                }
            }
            values.put("published", published);
            values.put(
                    "consumed",
                    consumedByClient.values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum());
        } catch (IOException e) {
            failures.add("could not read the metrics on :" + managementPort + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return values;
    }

    private static double value(String line) {
        String[] parts = line.trim().split("\\s+");
        try {
            return Double.parseDouble(parts[parts.length - 1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static List<Integer> ports(String service) {
        int port = PORTS.get(service);
        return List.of(port, port + REPLICA_STEP);
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbc + database, Database.USER, Database.PASSWORD);
    }

    private long queryLong(String database, String sql) throws SQLException {
        try (Connection c = connect(database);
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long countIn(String database, String sql, List<String> ids) throws SQLException {
        try (Connection c = connect(database);
                PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("text", ids.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Map<String, String> companies(String database) throws SQLException {
        Map<String, String> companies = new HashMap<>();
        try (Connection c = connect(database);
                PreparedStatement s = c.prepareStatement("select id::text, name from company");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                companies.put(rs.getString(1), rs.getString(2));
            }
        }
        return companies;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String shorten(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
