package se.techtank.platform.inbox;

import java.time.Duration;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import se.techtank.platform.events.IncomingEvent;
import se.techtank.platform.events.MalformedEventException;

/**
 * Processes each consumed event at most once per consumer: the event id is recorded in the inbox
 * table in the same transaction as the consumer's effect, and an id already there is acknowledged
 * without effect (see EVENTS.md).
 *
 * <p>A record that is not a readable CloudEvent fails at once; an effect that throws is retried a
 * bounded number of times, each in a new transaction. Either way the exception reaches the
 * messaging channel, whose {@code dead-letter-queue} failure strategy sends the record to {@code
 * <topic>.dlq} and goes on with the next one.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final ShutdownSignal shutdown;
    private final int maxAttempts;
    private final Duration retryDelay;

    Inbox(
            EntityManager entityManager,
            ObjectMapper objectMapper,
            ShutdownSignal shutdown,
            @ConfigProperty(name = "techtank.inbox.max-attempts", defaultValue = "3") int maxAttempts,
            @ConfigProperty(name = "techtank.inbox.retry-delay", defaultValue = "PT0.2S") Duration retryDelay) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.shutdown = shutdown;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.retryDelay = retryDelay;
    }

    /**
     * Applies {@code effect} to the record's event unless {@code consumer} has processed it before.
     * Tombstones (records without a value) are acknowledged without effect.
     *
     * @param consumer a stable name of the consumer, e.g. {@code company-read-model}
     * @return whether the effect ran (false for a duplicate or a tombstone)
     */
    public boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        if (record.value() == null) {
            return false;
        }
        IncomingEvent event = IncomingEvent.from(record, objectMapper);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!firstDelivery(consumer, event)) {
                        LOG.debugf("%s: %s seen before, skipped", consumer, event);
                        return false;
                    }
                    effect.accept(event);
                    return true;
                });
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (shutdown.stopping()) {
                    // Not the event's fault: give up at once; the record is left for redelivery.
                    throw e;
                }
                last = e;
                LOG.warnf("%s: attempt %d of %d failed for %s: %s", consumer, attempt, maxAttempts, event, e);
                pause(attempt);
            }
        }
        throw new EventProcessingException(
                consumer + " gave up on " + event + " after " + maxAttempts + " attempts", last);
    }

    private boolean firstDelivery(String consumer, IncomingEvent event) {
        int inserted = entityManager
                .createNativeQuery("""
                        insert into platform.inbox (consumer, event_id, event_type) values (?1, ?2, ?3)
                        on conflict do nothing
                        """)
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        return inserted == 1;
    }

    private void pause(int attempt) {
        if (attempt >= maxAttempts) {
            return;
        }
        try {
            Thread.sleep(retryDelay.toMillis() * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
