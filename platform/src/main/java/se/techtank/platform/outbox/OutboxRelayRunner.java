package se.techtank.platform.outbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import se.techtank.platform.kafka.KafkaSettings;

/** Runs this replica's outbox relay from start-up to shutdown, on the non-transactional platform pool. */
@ApplicationScoped
public class OutboxRelayRunner {

    private final OutboxRelay relay;
    private final boolean enabled;

    /** {@code techtank_outbox_published_total}: events this replica's relay published (acknowledged by Kafka). */
    static final String PUBLISHED_METRIC = "techtank.outbox.published";

    OutboxRelayRunner(
            @DataSource("platform") AgroalDataSource dataSource,
            KafkaSettings kafka,
            OutboxConfig config,
            MeterRegistry registry) {
        OutboxConfig.Relay settings = config.relay();
        String service = kafka.serviceName();
        Counter published = Counter.builder(PUBLISHED_METRIC)
                .description("Outbox rows this replica's relay published to Kafka (acknowledged)")
                .register(registry);
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
                        settings.linger()),
                published::increment);
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
