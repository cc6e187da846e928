package se.techtank.local;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-command local stack: PostgreSQL, a Kafka broker, an SMTP server, the four services, tokens and
 * demo data. Started by {@code deploy/local/run}; stops everything on Ctrl-C or SIGTERM.
 *
 * <pre>
 * java -cp deploy/local/target/local-stack.jar:deploy/local/target/lib/* se.techtank.local.LocalStack [--fresh] [--infra-only | --only a,b]
 * </pre>
 *
 * <p>It runs the phases in order: {@link Preflight} (lock, {@code --fresh}, checks), {@link Infrastructure}
 * (PostgreSQL, Kafka and its topics, SMTP), {@link RunningServices}, {@link DemoLoad} (tokens, demo data,
 * the read-model check, demo meetings) and the {@link Summary}; then it watches the child processes until
 * the shutdown hook stops the services and the infrastructure.
 */
public final class LocalStack {

    static final String USAGE = """
            Usage: deploy/local/run [--fresh] [--infra-only | --only SERVICES] [--replicas N] [--jobs-every S] [--help]

            Starts the Techtank backend on this machine: PostgreSQL 17 (embedded), a Kafka broker, an SMTP
            server (GreenMail), the four services on ports 8081-8084, demo data and ready-made tokens.
            All state is kept in .local/ at the repository root. Ctrl-C stops everything.

              --fresh        delete the kept data first (.local/postgres, .local/kafka, logs, demo data)
              --infra-only   start PostgreSQL, Kafka and SMTP only (to run a service yourself, e.g. in dev mode)
              --only a,b     start only these services, e.g. --only members-service,events-service
              --replicas 2   a second replica of each service on ports 8091-8094 (health 8191-8194)
              --jobs-every S run the scheduled jobs (membership renewal, intake windows) every S seconds
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

    private final StartGuard guard = new StartGuard();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final long startNanos = System.nanoTime();

    private LauncherLock lock;
    private final Infrastructure infrastructure;
    private final RunningServices services;
    private final DemoLoad demo;

    LocalStack(Layout layout, Options options, Settings settings) {
        this.layout = layout;
        this.options = options;
        this.settings = settings;
        this.infrastructure = new Infrastructure(layout, settings, java);
        this.services = new RunningServices(layout, java);
        this.demo = new DemoLoad(layout, settings);
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
            lock = new Preflight(layout, options, settings).run();
        } catch (Exception e) {
            Console.error(e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-stack-stop"));
        try {
            start();
        } catch (Exception e) {
            if (!guard.stopping()) {
                Console.error(message(e));
                return 1; // System.exit runs the shutdown hook, which stops what was started
            }
            return 0;
        }
        watch();
        return 0;
    }

    private void start() throws Exception {
        infrastructure.start(guard);
        demo.prepare();
        services.start(options.services(), options.replicas(), options.jobEnvironment(), infrastructure, guard);
        DemoLoad.Result loaded = demo.load(services, infrastructure.database(), infrastructure.webhooks(), guard);
        Console.line(Summary.of(layout, settings, infrastructure, services, loaded, startNanos));
    }

    /** After start: report a process that dies, until the stack is stopped. */
    private void watch() {
        List<ChildProcess> watched = services.processes();
        if (infrastructure.kafka() != null) {
            watched.add(infrastructure.kafka());
        }
        while (!guard.stopping()) {
            for (ChildProcess p : List.copyOf(watched)) {
                if (!p.isAlive() && !guard.stopping()) {
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
        guard.stop(
                () -> { // a start step in progress finishes first, so that nothing is left running
                    if (stopped.getAndSet(true)) {
                        return;
                    }
                    Console.line("\nStopping the local stack");
                    services.stop();
                    infrastructure.stop();
                    if (lock != null) {
                        lock.release();
                    }
                    Console.line("Stopped.");
                });
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
}
