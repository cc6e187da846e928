package se.techtank.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import se.techtank.platform.topics.TopicCatalogue;

/**
 * A single-node KRaft Kafka broker as a separate {@code java} process, from the jars in
 * {@code deploy/local/target/kafka-lib} (plus the shared ones in {@code target/lib}); data in
 * {@code .local/kafka/data}, kept between runs.
 */
final class KafkaBroker {

    static final String BOOTSTRAP = "127.0.0.1:9092";
    static final int PORT = 9092;
    static final int CONTROLLER_PORT = 9093;
    /** Fixed, so that the kept data directory always matches (22 characters: base64 of "TechtankLocal001"). */
    static final String CLUSTER_ID = "VGVjaHRhbmtMb2NhbDAwMQ";

    /** A modest heap and, as for the services, the serial collector and the C1 compiler only. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true");

    private KafkaBroker() {}

    /** Writes the configuration, formats the storage the first time and starts the broker process. */
    static ChildProcess start(Layout layout, String java) throws IOException, InterruptedException {
        Path dir = layout.kafkaDir();
        Path dataDir = dir.resolve("data");
        Files.createDirectories(dataDir);
        Path serverProperties = dir.resolve("server.properties");
        Files.writeString(
                serverProperties, resource("kafka-server.properties").replace("${dataDir}", dataDir.toString()));
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, resource("kafka-log4j2.properties"));

        List<String> base = new ArrayList<>();
        base.add(java);
        base.addAll(JVM_OPTIONS);
        base.add("-Dlog4j2.configurationFile=" + log4j);
        base.add("-cp");
        base.add(classPath(layout));

        Path logFile = layout.log("kafka");
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(base);
            format.addAll(List.of(
                    "kafka.tools.StorageTool",
                    "format",
                    "--ignore-formatted",
                    "--cluster-id",
                    CLUSTER_ID,
                    "--config",
                    serverProperties.toString()));
            Process p = new ProcessBuilder(format)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("Formatting the Kafka storage failed; last lines of "
                        + layout.show(logFile) + ":\n" + String.join("\n", ChildProcess.tail(logFile, 20)));
            }
        }
        List<String> command = new ArrayList<>(base);
        command.add("kafka.Kafka");
        command.add(serverProperties.toString());
        return ChildProcess.start("kafka", command, Map.of(), layout.kafkaDir(), logFile, layout.pids());
    }

    /** Waits until the broker answers metadata requests; fails early if its process has died. */
    static void awaitReady(ChildProcess broker, String bootstrap, Duration timeout, Layout layout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (broker != null && !broker.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited (code " + broker.process.exitValue()
                        + "); last lines of " + layout.show(broker.logFile) + ":\n"
                        + String.join("\n", broker.tail(20)));
            }
            if (broker == null || portOpen("127.0.0.1", PORT)) {
                try (Admin admin = admin(bootstrap)) {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    // not ready yet
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not become ready within " + timeout.toSeconds() + " s"
                        + (broker == null
                                ? ""
                                : "; last lines of " + layout.show(broker.logFile) + ":\n"
                                        + String.join("\n", broker.tail(20))));
            }
            Thread.sleep(200);
        }
    }

    /** Creates every topic of {@link TopicCatalogue#all()} that does not exist. Returns the names created. */
    static List<String> createTopics(String bootstrap) throws Exception {
        List<String> created = new ArrayList<>();
        try (Admin admin = admin(bootstrap)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (var topic : TopicCatalogue.all()) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.config()));
                }
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "Could not create topic " + entry.getKey() + ": " + e.getCause(), e.getCause());
                    }
                }
            }
        }
        return created;
    }

    static int topicCount() {
        return TopicCatalogue.all().size();
    }

    private static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "techtank-local-stack");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "200");
        return Admin.create(props);
    }

    static boolean portOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The broker's class path: kafka-lib (broker, log4j2 and its slf4j binding) and the shared jars of
     * lib, without the launcher's own slf4j binding.
     */
    private static String classPath(Layout layout) throws IOException {
        List<String> jars = new ArrayList<>();
        jars.add(layout.kafkaLib() + File.separator + "*");
        try (DirectoryStream<Path> lib = Files.newDirectoryStream(layout.launcherLib(), "*.jar")) {
            for (Path jar : lib) {
                if (!jar.getFileName().toString().startsWith("slf4j-simple")) {
                    jars.add(jar.toString());
                }
            }
        }
        return String.join(File.pathSeparator, jars);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
