package se.techtank.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one-command local stack: PostgreSQL, a Kafka broker, an SMTP server, the four services, tokens and
 * demo data. Started by {@code deploy/local/run}; stops everything on Ctrl-C or SIGTERM.
 *
 * <pre>
 * java -cp deploy/local/target/local-stack.jar:deploy/local/target/lib/* se.techtank.local.LocalStack [--fresh] [--infra-only | --only a,b]
 * </pre>
 */
public final class LocalStack {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(15);
    static final Duration KAFKA_STOP_GRACE = Duration.ofSeconds(20);
    static final String READY_LINE = "Techtank local stack is ready";
    static final String READ_MODELS_LINE = "Company read models in sync";
    private static final Duration READ_MODEL_TIMEOUT = Duration.ofSeconds(30);

    static final String USAGE = """
            Usage: deploy/local/run [--fresh] [--infra-only | --only SERVICES] [--help]

            Starts the Techtank backend on this machine: PostgreSQL 17 (embedded), a Kafka broker, an SMTP
            server (GreenMail), the four services on ports 8081-8084, demo data and ready-made tokens.
            All state is kept in .local/ at the repository root. Ctrl-C stops everything.

              --fresh        delete the kept data first (.local/postgres, .local/kafka, logs, demo data)
              --infra-only   start PostgreSQL, Kafka and SMTP only (to run a service yourself, e.g. in dev mode)
              --only a,b     start only these services, e.g. --only members-service,events-service
              --help         this text

            Environment (optional): use existing servers instead of the embedded ones
              POSTGRES_HOST, POSTGRES_PORT (5432), POSTGRES_USER (postgres), POSTGRES_PASSWORD
              KAFKA_BOOTSTRAP_SERVERS
              SMTP_HOST, SMTP_PORT
            """;

    private final Layout layout;
    private final Options options;
    private final Settings settings;
    private final String java =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Object startLock = new Object();
    private volatile boolean stopping;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final long startNanos = System.nanoTime();

    private RandomAccessFile lockFile;
    private FileLock lock;
    private Database database;
    private ChildProcess kafka;
    private Smtp smtp;
    private final Map<Services.Spec, ChildProcess> services = new LinkedHashMap<>();

    LocalStack(Layout layout, Options options, Settings settings) {
        this.layout = layout;
        this.options = options;
        this.settings = settings;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            Console.error(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(USAGE);
            return;
        }
        LocalStack stack = new LocalStack(defaultLayout(options.repo()), options, Settings.fromEnvironment());
        int code = stack.run();
        if (code != 0) {
            System.exit(code);
        }
    }

    int run() {
        try {
            prepare();
        } catch (Exception e) {
            Console.error(e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-stack-stop"));
        try {
            start();
        } catch (Exception e) {
            if (!stopping) {
                Console.error(message(e));
                return 1; // System.exit runs the shutdown hook, which stops what was started
            }
            return 0;
        }
        watch();
        return 0;
    }

    /** Lock, leftovers of a killed run, --fresh, logs, and the checks that need nothing started. */
    private void prepare() throws Exception {
        Files.createDirectories(layout.local());
        acquireLock();
        Console.line("Techtank local stack in " + layout.repo());
        List<String> leftovers = stopLeftovers();
        if (!leftovers.isEmpty()) {
            Console.warn("stopped processes left by an earlier run: " + String.join(", ", leftovers));
        }
        if (options.fresh()) {
            for (Path p : List.of(
                    layout.postgresData(),
                    layout.kafkaDir(),
                    layout.logs(),
                    layout.demoData(),
                    layout.tokens(),
                    layout.mail())) {
                Layout.deleteRecursively(p);
            }
            Console.line("  --fresh: deleted the kept databases, Kafka data, logs, mail and demo data");
        }
        keepPreviousLogs();
        configureLauncherLogging();
        if (!options.services().isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (Services.Spec spec : options.services()) {
                if (!Files.exists(layout.serviceJar(spec.module()))) {
                    missing.add(spec.module() + " (" + layout.show(layout.serviceJar(spec.module())) + ")");
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Not built: " + String.join(", ", missing)
                        + ". Build with ./mvnw -B install -DskipTests (deploy/local/run does it when a jar is missing),"
                        + " or start without the services: deploy/local/run --infra-only");
            }
        }
        checkPortsFree();
    }

    private void start() throws Exception {
        String kafkaBootstrap = settings.kafkaBootstrap().orElse(KafkaBroker.BOOTSTRAP);
        Console.Step kafkaStep = Console.step();
        if (settings.kafkaBootstrap().isEmpty()) {
            // The broker boots in its own JVM while PostgreSQL starts here.
            guarded(() -> kafka = KafkaBroker.start(layout, java));
        }

        Console.Step step = Console.step();
        List<String> created = guarded(() -> {
            database = settings.postgresHost().isPresent()
                    ? Database.external(
                            settings.postgresHost().get(),
                            settings.postgresPort(),
                            settings.postgresUser(),
                            settings.postgresPassword())
                    : Database.startEmbedded(layout.postgresData(), layout.log("postgres"));
            return database.createDatabases(
                    Services.ALL.stream().map(Services.Spec::database).toList());
        });
        step.done((database.isEmbedded() ? "PostgreSQL 17" : "PostgreSQL (POSTGRES_HOST)") + " on "
                + database.host() + ":" + database.port()
                + (created.isEmpty() ? ", databases kept" : ", " + created.size() + " databases created"));

        if (settings.smtpHost().isEmpty()) {
            step = Console.step();
            guarded(() -> smtp = Smtp.start(layout.log("smtp"), layout.mail()));
            step.done("SMTP server (GreenMail) on " + Smtp.HOST + ":" + Smtp.PORT);
        }

        KafkaBroker.awaitReady(kafka, kafkaBootstrap, Duration.ofSeconds(90), layout);
        kafkaStep.done(
                (kafka != null ? "Kafka broker (KRaft)" : "Kafka (KAFKA_BOOTSTRAP_SERVERS)") + " on " + kafkaBootstrap);
        step = Console.step();
        List<String> topics = KafkaBroker.createTopics(kafkaBootstrap);
        step.done("Kafka topics: " + KafkaBroker.topicCount() + " present"
                + (topics.isEmpty() ? "" : ", " + topics.size() + " created"));

        Tokens tokens = new Tokens(layout.tokens());
        String staffToken = Files.readString(tokens.staff()).trim();
        tokens.municipality();
        tokens.partner();

        DemoData.Result demo = DemoData.known(demoData());
        if (!options.services().isEmpty()) {
            step = Console.step();
            Map<String, String> env = serviceEnvironment(kafkaBootstrap);
            guarded(() -> {
                for (Services.Spec spec : options.services()) {
                    Map<String, String> serviceEnv = new LinkedHashMap<>(env);
                    serviceEnv.put("DB_URL", database.jdbcUrl(spec.database()));
                    services.put(spec, Services.start(spec, layout, java, serviceEnv));
                }
                return null;
            });
            step.done("Started "
                    + (services.size() == Services.ALL.size()
                            ? "the " + services.size() + " services"
                            : String.join(
                                    ", ",
                                    services.keySet().stream()
                                            .map(Services.Spec::module)
                                            .toList())));
            Services.awaitReady(services, READY_TIMEOUT, layout, () -> stopping);
        }
        if (services.containsKey(Services.MEMBERS)) {
            step = Console.step();
            ApiClient members = new ApiClient(Services.MEMBERS.url(""), staffToken);
            try {
                demo = DemoData.load(members, demoData());
                int[] memberships = DemoData.loadMemberships(members, demo.companyIds());
                int withNeeds = DemoData.loadNeeds(members, demo.companyIds());
                step.done("Demo data: " + demo.companyIds().size() + " companies (" + demo.created() + " created, "
                        + demo.existing() + " kept), " + memberships[0] + " members, " + memberships[1]
                        + " application waiting, " + withNeeds + " with needs");
                if (!demo.idUnknown().isEmpty()) {
                    Console.warn(demo.idUnknown().size() + " demo companies exist but their ids are not in "
                            + layout.show(demoData()) + " (deleted?); --fresh creates them anew");
                }
            } catch (IllegalStateException e) {
                Console.warn("demo data not loaded: " + e.getMessage());
                demo = DemoData.known(demoData());
            }
        }
        awaitCompanyReadModels(demo);
        DemoMeetings.Result meetings = null;
        if (services.containsKey(Services.EVENTS)) {
            // After the read models: registrations name demo companies, and members-only ones need members.
            step = Console.step();
            ApiClient staffEvents = new ApiClient(Services.EVENTS.url(""), staffToken);
            ApiClient anonymousEvents = new ApiClient(Services.EVENTS.url(""), null);
            try {
                meetings = DemoMeetings.load(
                        staffEvents,
                        anonymousEvents,
                        demoData(),
                        LocalDate.now(DemoMeetings.ZONE),
                        services.containsKey(Services.MEMBERS));
                step.done("Demo meetings: " + meetings.meetingIds().size() + " (" + meetings.created() + " created, "
                        + meetings.kept() + " kept"
                        + (meetings.replaced() > 0 ? ", " + meetings.replaced() + " past ones planned anew" : "")
                        + "), " + (meetings.registered() + meetings.registrationsKept()) + " registrations ("
                        + meetings.registered() + " sent, " + meetings.registrationsKept() + " kept)");
                if (meetings.registrationsRefused() > 0) {
                    Console.warn(meetings.registrationsRefused() + " demo registrations refused (registration closed,"
                            + " meeting cancelled, or no active member company); --fresh starts anew");
                }
            } catch (IllegalStateException e) {
                Console.warn("demo meetings not loaded: " + e.getMessage());
            }
        }
        String memberCompany = demo.memberCompanyId();
        if (memberCompany != null) {
            tokens.member(memberCompany);
        } else {
            Files.deleteIfExists(tokens.file("member"));
        }
        printSummary(kafkaBootstrap, demo, meetings, memberCompany != null);
    }

    /**
     * The end-to-end check of the event flow: the demo companies, registered through members-service,
     * reach the company read model of every consuming service through Kafka (outbox, relay, inbox).
     */
    private void awaitCompanyReadModels(DemoData.Result demo) throws Exception {
        List<Services.Spec> consumers = services.keySet().stream()
                .filter(spec -> !spec.equals(Services.MEMBERS))
                .toList();
        if (consumers.isEmpty() || demo.companyIds().isEmpty()) {
            return;
        }
        Console.Step step = Console.step();
        java.util.Collection<String> ids = demo.companyIds().values();
        long deadline = System.nanoTime() + READ_MODEL_TIMEOUT.toNanos();
        Map<String, Long> counts = new LinkedHashMap<>();
        while (true) {
            for (Services.Spec spec : consumers) {
                counts.put(spec.module(), database.countIds(spec.database(), "company", ids));
            }
            if (counts.values().stream().allMatch(count -> count == ids.size())) {
                step.done(READ_MODELS_LINE + " (" + ids.size() + " demo companies in " + consumers.size() + ")");
                return;
            }
            if (System.nanoTime() > deadline || stopping) {
                Console.warn("company read models not in sync after " + READ_MODEL_TIMEOUT.toSeconds() + " s: " + counts
                        + " of " + ids.size());
                return;
            }
            Thread.sleep(250);
        }
    }

    /**
     * Where the demo data ids are kept: {@code .local/demo-data.json} for the embedded PostgreSQL, a file
     * of its own for a POSTGRES_HOST server (the ids of one database mean nothing in another).
     */
    private Path demoData() {
        return settings.postgresHost().isEmpty()
                ? layout.demoData()
                : layout.local()
                        .resolve(
                                "demo-data-" + settings.postgresHost().get() + "-" + settings.postgresPort() + ".json");
    }

    private Map<String, String> serviceEnvironment(String kafkaBootstrap) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_USER", database.serviceUser());
        // The demo data sends every application from this machine's address: lift the per-address limit.
        env.put("MEMBERSHIP_APPLICATION_RATE_LIMIT", "1000");
        env.put("DB_PASSWORD", database.servicePassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        if (settings.smtpHost().isPresent()) {
            env.put("SMTP_HOST", settings.smtpHost().get());
            settings.smtpPort().ifPresent(p -> env.put("SMTP_PORT", p));
        } else {
            env.put("SMTP_HOST", Smtp.HOST);
            env.put("SMTP_PORT", Integer.toString(Smtp.PORT));
        }
        return env;
    }

    private void printSummary(
            String kafkaBootstrap, DemoData.Result demo, DemoMeetings.Result meetings, boolean memberToken) {
        String tokens = layout.show(layout.tokens());
        StringBuilder out = new StringBuilder();
        out.append('\n')
                .append(READY_LINE)
                .append(" (")
                .append(Console.seconds(System.nanoTime() - startNanos))
                .append(")\n\n");
        if (!services.isEmpty()) {
            out.append("  Swagger UI\n");
            for (Services.Spec spec : services.keySet()) {
                out.append(String.format("    %-22s %s%n", spec.module(), spec.url("/q/swagger-ui")));
            }
        }
        out.append("  Tokens (valid 30 days) in ").append(tokens).append("/\n");
        out.append("    staff.jwt  ")
                .append(memberToken ? "member.jwt (company " + demo.memberCompanyId() + ")  " : "")
                .append("municipality.jwt (Karlshamn, 1082)  partner.jwt (iuc-syd)\n");
        String companyId = demo.anyCompanyId();
        out.append("  Try\n    curl -H \"Authorization: Bearer $(cat ")
                .append(tokens)
                .append("/staff.jwt)\" http://localhost:8081/api/v1/companies/")
                .append(companyId != null ? companyId : "<id>")
                .append('\n');
        if (meetings != null) {
            String events = Services.EVENTS.url("/api/v1/meetings");
            JsonNode lean = meetings.leankonferens();
            out.append("  Meetings  ")
                    .append(meetings.meetingIds().size())
                    .append(" demo meetings (the autumn branschträffar, Leankonferens Blekinge, a members' meeting):\n")
                    .append("    curl ")
                    .append(events)
                    .append('\n')
                    .append("    Leankonferens Blekinge: ")
                    .append(lean.path("confirmedCount").asInt())
                    .append(" of ")
                    .append(lean.path("capacity").asInt())
                    .append(" seats taken, ")
                    .append(lean.path("waitlistLength").asInt())
                    .append(" on the waitlist; its registrations:\n")
                    .append("    curl -H \"Authorization: Bearer $(cat ")
                    .append(tokens)
                    .append("/staff.jwt)\" ")
                    .append(events)
                    .append('/')
                    .append(meetings.leankonferensId())
                    .append("/registrations\n");
        }
        out.append("  Logs      ").append(layout.show(layout.logs())).append("/<name>.log\n");
        out.append("  E-mail    ")
                .append(
                        smtp != null
                                ? "SMTP " + Smtp.HOST + ":" + Smtp.PORT + " keeps every mail: list in "
                                        + layout.show(layout.log("smtp")) + ", messages in "
                                        + layout.show(layout.mail()) + "/"
                                : "sent to " + settings.smtpHost().get() + " (SMTP_HOST)")
                .append('\n');
        out.append("  Database  ")
                .append(database.jdbcUrl("<members|events|programmes|notifications>"))
                .append("  user ")
                .append(database.serviceUser())
                .append('\n');
        out.append("  Kafka     ").append(kafkaBootstrap).append('\n');
        Services.ALL.stream()
                .filter(spec -> !services.containsKey(spec))
                .findFirst()
                .ifPresent(spec -> out.append("\n  Run a service yourself against it, e.g.:\n    DB_URL=")
                        .append(database.jdbcUrl(spec.database()))
                        .append(" DB_USER=")
                        .append(database.serviceUser())
                        .append(" DB_PASSWORD=")
                        .append(database.servicePassword())
                        .append(" KAFKA_BOOTSTRAP_SERVERS=")
                        .append(kafkaBootstrap)
                        .append(" ./mvnw -f ")
                        .append(spec.module())
                        .append(" quarkus:dev\n"));
        out.append("\nCtrl-C to stop.");
        Console.line(out.toString());
    }

    /** After start: report a process that dies, until the stack is stopped. */
    private void watch() {
        List<ChildProcess> watched = new ArrayList<>(services.values());
        if (kafka != null) {
            watched.add(kafka);
        }
        while (!stopping) {
            for (ChildProcess p : List.copyOf(watched)) {
                if (!p.isAlive() && !stopping) {
                    Console.warn(
                            p.name + " exited (code " + p.process.exitValue() + "); see " + layout.show(p.logFile));
                    watched.remove(p);
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The shutdown hook: services, then the broker, then SMTP and PostgreSQL. */
    private void stop() {
        stopping = true;
        synchronized (startLock) { // let a start step in progress finish, so that nothing is left running
            if (stopped.getAndSet(true)) {
                return;
            }
            Console.line("\nStopping the local stack");
            if (!services.isEmpty()) {
                Console.Step step = Console.step();
                Services.stopAll(List.copyOf(services.values()), SERVICE_STOP_GRACE);
                step.done("Services stopped");
            }
            if (kafka != null) {
                Console.Step step = Console.step();
                boolean graceful = kafka.stop(KAFKA_STOP_GRACE);
                step.done(graceful ? "Kafka broker stopped" : "Kafka broker killed (no exit within 20 s)");
            }
            if (smtp != null) {
                Console.Step step = Console.step();
                smtp.close();
                step.done("SMTP server stopped");
            }
            if (database != null && database.isEmbedded()) {
                Console.Step step = Console.step();
                try {
                    database.close();
                    step.done("PostgreSQL stopped");
                } catch (IOException e) {
                    Console.warn("PostgreSQL: " + e.getMessage());
                }
            }
            releaseLock();
            Console.line("Stopped.");
        }
    }

    /** Runs a start step unless the stack is stopping; the shutdown hook waits for a step in progress. */
    private <T> T guarded(Callable<T> step) throws Exception {
        synchronized (startLock) {
            if (stopping) {
                throw new IllegalStateException("stopping");
            }
            return step.call();
        }
    }

    private void acquireLock() throws IOException {
        lockFile = new RandomAccessFile(layout.lockFile().toFile(), "rw");
        lock = lockFile.getChannel().tryLock();
        if (lock == null) {
            String pid = lockFile.readLine();
            lockFile.close();
            throw new IllegalStateException("Another local stack is already running from this repository (pid "
                    + (pid == null ? "?" : pid.trim()) + ", lock " + layout.show(layout.lockFile())
                    + "). Stop it with Ctrl-C in its terminal or kill " + (pid == null ? "<pid>" : pid.trim()) + ".");
        }
        lockFile.setLength(0);
        lockFile.write((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lockFile.setLength(0);
                lock.release();
                lockFile.close();
            }
        } catch (IOException ignored) {
            // the process exits anyway
        }
    }

    /** Processes a killed launcher left behind: its child JVMs (pid files) and a PostgreSQL server. */
    private List<String> stopLeftovers() throws IOException {
        List<String> stopped =
                ChildProcess.stopLeftovers(layout.pids(), layout.repo().toString());
        if (Database.stopServer(layout.postgresData())) {
            stopped.add("postgres");
        }
        return stopped;
    }

    private void keepPreviousLogs() throws IOException {
        Path logs = layout.logs();
        Files.createDirectories(logs);
        Path previous = logs.resolve("previous");
        Layout.deleteRecursively(previous);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(logs, "*.log")) {
            for (Path file : files) {
                Files.createDirectories(previous);
                Files.move(file, previous.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** zonky, the Kafka clients and GreenMail log a lot: warnings and errors only, to launcher.log. */
    private void configureLauncherLogging() {
        System.setProperty(
                "org.slf4j.simpleLogger.logFile", layout.log("launcher").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    private void checkPortsFree() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        if (settings.postgresHost().isEmpty()) {
            ports.put(Database.PORT, "PostgreSQL");
        }
        if (settings.kafkaBootstrap().isEmpty()) {
            ports.put(KafkaBroker.PORT, "Kafka");
            ports.put(KafkaBroker.CONTROLLER_PORT, "Kafka controller");
        }
        if (settings.smtpHost().isEmpty()) {
            ports.put(Smtp.PORT, "SMTP");
        }
        options.services().forEach(s -> ports.put(s.port(), s.module()));
        List<String> busy = new ArrayList<>();
        ports.forEach((port, what) -> {
            if (!portFree(port)) {
                busy.add(port + " (" + what + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Port(s) already in use: " + String.join(", ", busy)
                    + ". Is another local stack or a service running? (ss -ltnp shows who listens)");
        }
    }

    private static boolean portFree(int port) {
        if (KafkaBroker.portOpen("127.0.0.1", port)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String message(Throwable e) {
        String text = e.getMessage() != null ? e.getMessage() : e.toString();
        if (e.getCause() != null
                && e.getCause() != e
                && !text.contains(String.valueOf(e.getCause().getMessage()))) {
            text += " (" + e.getCause() + ")";
        }
        return text;
    }

    /** deploy/local/target/local-stack.jar (or target/classes) → the repository three levels above target. */
    static Layout defaultLayout(Path repoOverride) {
        Path target;
        try {
            Path location = Path.of(LocalStack.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            target = location.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path repo = repoOverride != null
                ? repoOverride
                : target.getParent().getParent().getParent();
        return new Layout(repo, target);
    }

    record Options(boolean fresh, List<Services.Spec> services, boolean help, Path repo) {

        static Options parse(String[] args) {
            boolean fresh = false;
            List<Services.Spec> services = Services.ALL;
            boolean help = false;
            Path repo = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--fresh" -> fresh = true;
                    case "--infra-only" -> services = List.of();
                    case "--only" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(
                                    "--only needs service names, e.g. --only members-service");
                        }
                        services = Services.named(args[++i]);
                    }
                    case "--help", "-h" -> help = true;
                    case "--repo" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--repo needs a directory");
                        }
                        repo = Path.of(args[++i]);
                    }
                    default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
                }
            }
            return new Options(fresh, services, help, repo);
        }
    }

    /** Existing servers to use instead of the embedded ones (environment variables). */
    record Settings(
            Optional<String> postgresHost,
            int postgresPort,
            String postgresUser,
            String postgresPassword,
            Optional<String> kafkaBootstrap,
            Optional<String> smtpHost,
            Optional<String> smtpPort) {

        static Settings fromEnvironment() {
            return new Settings(
                    env("POSTGRES_HOST"),
                    Integer.parseInt(env("POSTGRES_PORT").orElse("5432")),
                    env("POSTGRES_USER").orElse("postgres"),
                    env("POSTGRES_PASSWORD").orElse(""),
                    env("KAFKA_BOOTSTRAP_SERVERS"),
                    env("SMTP_HOST"),
                    env("SMTP_PORT"));
        }

        private static Optional<String> env(String name) {
            return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
        }
    }
}
