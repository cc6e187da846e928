package se.techtank.platform.kafka;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the Kafka cluster is and how to authenticate to it, for the clients the platform builds itself
 * (the outbox relay's producer, the health check's admin client). The settings are Quarkus' own
 * {@code default-kafka-broker} map, the one the messaging channels use: every {@code kafka.*} property
 * and {@code KAFKA_*} variable. So a secured cluster (TLS, SASL PLAIN or SCRAM) needs its settings once,
 * and no client of the service can be left without them.
 */
@ApplicationScoped
public class KafkaSettings {

    private final String bootstrapServers;
    private final String serviceName;
    private final Map<String, Object> security;

    KafkaSettings(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "techtank.service-name") Optional<String> serviceName,
            @Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.bootstrapServers = bootstrapServers;
        this.serviceName = serviceName.orElse("techtank");
        this.security = security(broker);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The service's short name ({@code members}); events carry {@code /members-service} as source. */
    public String serviceName() {
        return serviceName;
    }

    /**
     * The connection's security settings ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}), for
     * a client's properties. Empty on a plain local broker.
     */
    public Map<String, Object> security() {
        return security;
    }

    /**
     * Only the settings of the connection: the rest of the map (group ids, deserialisers) belongs to the
     * consumers and would be an unknown setting, logged as such, in a producer or admin client.
     */
    static Map<String, Object> security(Map<String, Object> broker) {
        Map<String, Object> security = new TreeMap<>();
        broker.forEach((name, value) -> {
            if (value != null
                    && !value.toString().isBlank()
                    && (name.equals("security.protocol") || name.startsWith("sasl.") || name.startsWith("ssl."))) {
                security.put(name, value);
            }
        });
        return Map.copyOf(security);
    }
}
