package se.techtank.platform.testing;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;

import se.techtank.platform.topics.TopicCatalogue;

/**
 * A second Kafka broker that, like a production cluster, lets in only authenticated clients (SASL PLAIN)
 * allowed by ACLs, for the tests that prove every client of a service takes the configured credentials.
 * It can also be stopped, for the tests of a broker outage. One per JVM, started on first use; shared
 * across Quarkus' class loaders through the JVM's MBean server (as {@link TcpProxy#shared}).
 */
public final class SecuredTestKafka {

    /** The service's user: authenticated, and allowed by ACLs rather than a super user. */
    public static final String USER = JaasUtils.KAFKA_PLAIN_USER1;

    public static final String PASSWORD = JaasUtils.KAFKA_PLAIN_USER1_PASSWORD;

    private static final String ADMIN = JaasUtils.KAFKA_PLAIN_ADMIN;
    private static final String ADMIN_PASSWORD = JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What a broker shared across class loaders answers to. */
    public interface ControlMBean {
        String getBootstrapServers();

        void stop();
    }

    private final ObjectName registered;

    private SecuredTestKafka(ObjectName registered) {
        this.registered = registered;
    }

    /** The JVM's secured broker, with the catalogue's topics, started on first use. */
    public static SecuredTestKafka shared() {
        MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
        synchronized (SharedInJvm.lock("kafka-secured")) {
            try {
                ObjectName name = new ObjectName("se.techtank.testing:type=SecuredKafka");
                if (!beans.isRegistered(name)) {
                    KafkaClusterTestKit cluster = start();
                    ControlMBean control = new ControlMBean() {
                        @Override
                        public String getBootstrapServers() {
                            return cluster.bootstrapServers();
                        }

                        @Override
                        public void stop() {
                            try {
                                cluster.close();
                            } catch (Exception e) {
                                throw new IllegalStateException("Could not stop the secured broker", e);
                            }
                        }
                    };
                    beans.registerMBean(new StandardMBean(control, ControlMBean.class), name);
                }
                return new SecuredTestKafka(name);
            } catch (JMException e) {
                throw new IllegalStateException("Could not share the secured broker", e);
            }
        }
    }

    public String bootstrapServers() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().getAttribute(registered, "BootstrapServers");
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker for good: a Kafka outage, as far as its clients can tell. */
    public void stop() {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(registered, "stop", new Object[0], new String[0]);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Kafka client's settings for {@code user}: SASL PLAIN over plaintext. */
    public static Map<String, String> clientSecurity(String user, String password) {
        return Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                                + "\" password=\"" + password + "\";");
    }

    /** The service's configuration for this broker: {@code kafka.*} properties, as an operator sets them. */
    public Map<String, String> serviceConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers());
        clientSecurity(USER, PASSWORD).forEach((key, value) -> config.put("kafka." + key, value));
        return config;
    }

    private static KafkaClusterTestKit start() {
        KafkaClusterTestKit cluster =
                TestKafka.startCluster("techtank-kafka-secured-", SecurityProtocol.SASL_PLAINTEXT, 1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(cluster), "techtank-secured-kafka-stop"));
        try {
            prepare(cluster.bootstrapServers());
            return cluster;
        } catch (Exception e) {
            closeQuietly(cluster);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not prepare the secured Kafka broker", e);
        }
    }

    /** As the cluster's administrator: the catalogue's topics, and ACLs that let the service's user work. */
    private static void prepare(String bootstrapServers) throws Exception {
        Map<String, Object> admin = new HashMap<>(clientSecurity(ADMIN, ADMIN_PASSWORD));
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin client = Admin.create(admin)) {
            String principal = "User:" + USER;
            List<AclBinding> acls = List.of(
                    allow(new ResourcePattern(ResourceType.TOPIC, "*", PatternType.LITERAL), principal),
                    allow(new ResourcePattern(ResourceType.GROUP, "*", PatternType.LITERAL), principal),
                    allow(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), principal));
            client.createAcls(acls).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        TestKafka.on(bootstrapServers, admin).createTopics(TopicCatalogue.all());
    }

    private static AclBinding allow(ResourcePattern resource, String principal) {
        return new AclBinding(
                resource, new AccessControlEntry(principal, "*", AclOperation.ALL, AclPermissionType.ALLOW));
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            // Stopped already (a test's outage), or stopping with the JVM.
        }
    }
}
