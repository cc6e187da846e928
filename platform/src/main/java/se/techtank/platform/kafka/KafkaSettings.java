package se.techtank.platform.kafka;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the Kafka cluster is: the same {@code kafka.bootstrap.servers} the messaging channels use. */
@ApplicationScoped
public class KafkaSettings {

    private final String bootstrapServers;
    private final String serviceName;

    KafkaSettings(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "techtank.service-name") Optional<String> serviceName) {
        this.bootstrapServers = bootstrapServers;
        this.serviceName = serviceName.orElse("techtank");
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The service's short name ({@code members}); events carry {@code /members-service} as source. */
    public String serviceName() {
        return serviceName;
    }
}
