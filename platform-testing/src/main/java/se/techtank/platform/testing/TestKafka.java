package se.techtank.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import se.techtank.platform.topics.TopicCatalogue;
import se.techtank.platform.topics.TopicSpec;

import static org.awaitility.Awaitility.await;

/**
 * One real Kafka broker per JVM: the one named by {@code TEST_KAFKA_BOOTSTRAP}, or else a single
 * combined (broker and controller) KRaft node started in this JVM on first use and stopped when the JVM
 * exits. Topics are never created automatically: create them with {@link #createTopics}.
 */
public final class TestKafka {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    /** The broker's own categories; the clients' ({@code org.apache.kafka.clients}) keep their level. */
    private static final String[] BROKER_LOG_CATEGORIES = {
        "kafka",
        "state.change.logger",
        "org.apache.kafka.common.test",
        "org.apache.kafka.controller",
        "org.apache.kafka.coordinator",
        "org.apache.kafka.image",
        "org.apache.kafka.metadata",
        "org.apache.kafka.queue",
        "org.apache.kafka.raft",
        "org.apache.kafka.server",
        "org.apache.kafka.snapshot",
        "org.apache.kafka.storage",
        "org.apache.kafka.common.network.Selector",
        "org.apache.kafka.common.security",
        "org.apache.kafka.common.utils.AppInfoParser",
        "org.apache.kafka.common.config.AbstractConfig",
    };

    private static volatile TestKafka instance;

    private final String bootstrapServers;
    /** Extra settings of this JVM's admin clients for this broker (its security settings). */
    private final Map<String, Object> adminSettings;

    private TestKafka(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    private TestKafka(String bootstrapServers, Map<String, Object> adminSettings) {
        this.bootstrapServers = bootstrapServers;
        this.adminSettings = Map.copyOf(adminSettings);
    }

    /** Another broker (a secured one), reached with the given admin client settings. */
    static TestKafka on(String bootstrapServers, Map<String, Object> adminSettings) {
        return new TestKafka(bootstrapServers, adminSettings);
    }

    /** The broker of this JVM, started (or connected to) on the first call. Thread-safe. */
    public static TestKafka get() {
        TestKafka current = instance;
        if (current != null) {
            return current;
        }
        synchronized (SharedInJvm.lock("kafka")) {
            if (instance == null) {
                instance = connectOrStart();
            }
            return instance;
        }
    }

    /** Creates every topic of {@link TopicCatalogue} on this JVM's broker that does not exist yet. */
    public static void ensureCatalogueTopics() {
        get().createTopics(TopicCatalogue.all());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates the topics that do not exist yet (existing ones are left as they are) and waits until
     * every partition of every given topic has a leader, so clients can use them at once.
     */
    public void createTopics(Collection<TopicSpec> topics) {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, Object> settings = new java.util.HashMap<>(adminSettings);
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(settings)) {
            List<NewTopic> newTopics = topics.stream()
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.config()))
                    .toList();
            for (Map.Entry<String, KafkaFuture<Void>> created :
                    admin.createTopics(newTopics).values().entrySet()) {
                try {
                    created.getValue().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + created.getKey(), e.getCause());
                    }
                }
            }
            Set<String> names = topics.stream().map(TopicSpec::name).collect(Collectors.toSet());
            await("leaders of " + names)
                    .atMost(ADMIN_TIMEOUT)
                    .pollInterval(Duration.ofMillis(50))
                    .ignoreException(UnknownTopicOrPartitionException.class)
                    .until(() -> allPartitionsHaveLeaders(admin, names));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topics on " + bootstrapServers, e);
        }
    }

    private static boolean allPartitionsHaveLeaders(Admin admin, Set<String> names) throws Exception {
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(names).allTopicNames().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return descriptions.values().stream()
                .flatMap(description -> description.partitions().stream())
                .allMatch(partition ->
                        partition.leader() != null && !partition.leader().isEmpty());
    }

    private static TestKafka connectOrStart() {
        String external = SharedInJvm.env("TEST_KAFKA_BOOTSTRAP");
        if (external != null) {
            return new TestKafka(external);
        }
        String started = System.getProperty(SharedInJvm.KAFKA_BOOTSTRAP);
        if (started != null) {
            return new TestKafka(started);
        }
        KafkaClusterTestKit cluster = startEmbedded();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(cluster), "techtank-test-kafka-stop"));
        String bootstrap = cluster.bootstrapServers();
        System.setProperty(SharedInJvm.KAFKA_BOOTSTRAP, bootstrap);
        return new TestKafka(bootstrap);
    }

    private static KafkaClusterTestKit startEmbedded() {
        SharedInJvm.quietLogs(BROKER_LOG_CATEGORIES);
        return startCluster("techtank-kafka-", SecurityProtocol.PLAINTEXT, 5);
    }

    /**
     * A single combined (broker and controller) KRaft node, started and ready, in a directory of its own
     * (deleted by close(): the test kit's default one is deleted by a shutdown hook of its own that races
     * with the broker's shutdown). {@code protocol} is its listeners' security protocol.
     */
    static KafkaClusterTestKit startCluster(String directoryPrefix, SecurityProtocol protocol, int offsetsPartitions) {
        KafkaClusterTestKit cluster = null;
        try {
            Path baseDirectory = Files.createTempDirectory(directoryPrefix);
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .setBaseDirectory(baseDirectory)
                            .setBrokerSecurityProtocol(protocol)
                            .setControllerSecurityProtocol(protocol)
                            .build())
                    .setDeleteOnClose(true)
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", Integer.toString(offsetsPartitions))
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("min.insync.replicas", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return cluster;
        } catch (Exception e) {
            if (cluster != null) {
                stop(cluster);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not start an embedded Kafka broker", e);
        }
    }

    private static void stop(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            System.err.println("Could not stop the embedded Kafka broker: " + e);
        }
    }

    @Override
    public String toString() {
        return "TestKafka[" + bootstrapServers + "]";
    }
}
