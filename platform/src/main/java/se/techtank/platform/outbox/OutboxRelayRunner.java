package se.techtank.platform.outbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import se.techtank.platform.kafka.KafkaSettings;

/** Runs this replica's outbox relay from start-up to shutdown, on the non-transactional platform pool. */
@ApplicationScoped
public class OutboxRelayRunner {

    private final OutboxRelay relay;
    private final boolean enabled;

    OutboxRelayRunner(@DataSource("platform") AgroalDataSource dataSource, KafkaSettings kafka, OutboxConfig config) {
        OutboxConfig.Relay settings = config.relay();
        String service = kafka.serviceName();
        this.enabled = settings.enabled();
        this.relay = new OutboxRelay(
                dataSource,
                () -> OutboxProducers.create(
                        kafka.bootstrapServers(), kafka.security(), service + "-outbox-relay", settings.sendTimeout()),
                "/" + service + "-service",
                new OutboxRelay.Settings(
                        settings.batchSize(),
                        settings.pollInterval(),
                        settings.initialBackoff(),
                        settings.maxBackoff(),
                        settings.sendTimeout(),
                        settings.linger()));
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            relay.start("outbox-relay");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        relay.stop(Duration.ofSeconds(10));
    }

    /** Publishes soon: called after a transaction that recorded an event commits. */
    public void wake() {
        relay.wake();
    }
}
