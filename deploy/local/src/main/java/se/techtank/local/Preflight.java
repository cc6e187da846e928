package se.techtank.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first phase, before anything starts: the lock, leftovers of a killed run, {@code --fresh}, logs,
 * and the checks that need nothing started (jars built, ports free).
 */
final class Preflight {

    private final Layout layout;
    private final Options options;
    private final Settings settings;

    Preflight(Layout layout, Options options, Settings settings) {
        this.layout = layout;
        this.options = options;
        this.settings = settings;
    }

    /** Runs the checks; the lock it returns is held until the stack stops. */
    LauncherLock run() throws Exception {
        Files.createDirectories(layout.local());
        LauncherLock lock = LauncherLock.acquire(layout);
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
        checkServicesBuilt();
        checkPortsFree();
        return lock;
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

    private void checkServicesBuilt() {
        if (options.services().isEmpty()) {
            return;
        }
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
        ports.put(WebhookReceiver.PORT, "webhook receiver");
        for (int replica = 1; replica <= options.replicas(); replica++) {
            for (Services.Spec spec : options.services()) {
                Services.Spec instance = spec.replica(replica);
                ports.put(instance.port(), spec.name(replica));
                ports.put(instance.managementPort(), spec.name(replica) + " (management)");
            }
        }
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
}
