package se.techtank.platform.inbox;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaConnector;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.jboss.logging.Logger;

/**
 * Closes the Kafka consumers while the database is still there. Left to itself, Quarkus closes Hibernate's
 * EntityManagerFactory in a shutdown task that runs before the bean container stops, and SmallRye closes the
 * consumers only when the container stops. In between, every record still being delivered failed ("the
 * EntityManagerFactory is closed", logged as an error), was left unacknowledged for redelivery, and the
 * consumers' graceful close then waited its full timeout for those records: a replica took half a minute to
 * stop. Closing the consumers at the start of the shutdown lets the records in flight finish against an open
 * database and commits their offsets; what was fetched and not yet processed goes to the next member of the
 * consumer group, and its inbox drops what it has seen. SmallRye's own close later finds them closed.
 */
@ApplicationScoped
public class ConsumersStopFirst {

    private static final Logger LOG = Logger.getLogger(ConsumersStopFirst.class);

    /** Longer than an effect takes (a mail, a webhook with its timeouts), well within the pod's grace period. */
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(10);

    /** After {@link ShutdownSignal}, so that a failure in flight is already left for redelivery. */
    void onStop(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) ShutdownEvent event,
            @Connector(KafkaConnector.CONNECTOR_NAME) Instance<KafkaConnector> connector,
            RecordsInFlight inFlight) {
        if (!connector.isResolvable()) {
            return; // no consumer channels in this service
        }
        long started = System.nanoTime();
        // Each channel pauses its consumer, waits twice its poll-timeout for the records already fetched,
        // commits and closes; a record still being processed then finishes here, before the database closes.
        connector.get().terminate(event);
        try {
            if (!inFlight.awaitNone(IN_FLIGHT_WAIT)) {
                LOG.warnf(
                        "Stopping with %d records still being processed: Kafka delivers them again", inFlight.count());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.infof("Kafka consumers closed in %d ms", (System.nanoTime() - started) / 1_000_000);
    }
}
