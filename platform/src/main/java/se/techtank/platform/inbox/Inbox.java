package se.techtank.platform.inbox;

import java.time.Duration;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolationException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import se.techtank.platform.events.IncomingEvent;
import se.techtank.platform.events.MalformedEventException;
import se.techtank.platform.failure.Backoff;
import se.techtank.platform.failure.TransientFailures;
import se.techtank.platform.problem.DomainException;
import se.techtank.platform.tracing.EventTracing;

/**
 * Processes each consumed event at most once per consumer: the event id is recorded in the inbox
 * table in the same transaction as the consumer's effect, and an id already there is acknowledged
 * without effect (see docs/events.md).
 *
 * <p>A failure is handled by whose fault it is:
 *
 * <ul>
 *   <li><b>The event's own</b>: not a readable CloudEvent, a payload that does not fit, a domain rule that
 *       rejects it ({@link MalformedEventException}, {@link DomainException}, a constraint violation). The
 *       exception reaches the channel at once, whose failure strategy sends the record to {@code <topic>.dlq}.
 *   <li><b>The infrastructure's</b> ({@link TransientFailures}: connection lost, pool timeout, serialization
 *       failure, deadlock): the effect is tried again, each time in a new transaction, after a pause that
 *       doubles up to {@code techtank.inbox.max-retry-delay}, without limit. A good event must not reach the
 *       dead-letter topic because the database blinked. The channel takes no further record meanwhile, so
 *       the connector pauses its partitions once its buffer is full; {@link ConsumerStalls} reports the wait.
 *   <li><b>Anything else</b> (a bug, most likely): tried {@code techtank.inbox.max-attempts} times, then
 *       dead-lettered, so that one bad record does not stop the consumer for good.
 * </ul>
 *
 * While the service stops, a failure says nothing about the event: it is thrown at once and the record is
 * left for redelivery ({@link DeadLetterUnlessStopping}).
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    /** Waits are cut into slices of this length so that a stopping service does not wait for a long pause. */
    private static final long PAUSE_SLICE_MILLIS = 100;

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final ShutdownSignal shutdown;
    private final ConsumerStalls stalls;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final Duration maxRetryDelay;
    private final Tracer tracer;
    private final RecordsInFlight inFlight;

    Inbox(
            EntityManager entityManager,
            ObjectMapper objectMapper,
            ShutdownSignal shutdown,
            ConsumerStalls stalls,
            InboxConfig config,
            OpenTelemetry openTelemetry,
            RecordsInFlight inFlight) {
        this.inFlight = inFlight;
        this.tracer = openTelemetry.getTracer(Inbox.class.getName());
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.shutdown = shutdown;
        this.stalls = stalls;
        this.maxAttempts = Math.max(1, config.maxAttempts());
        this.retryDelay = config.retryDelay();
        this.maxRetryDelay = config.maxRetryDelay().compareTo(config.retryDelay()) < 0
                ? config.retryDelay()
                : config.maxRetryDelay();
    }

    /**
     * Applies {@code effect} to the record's event unless {@code consumer} has processed it before.
     * Tombstones (records without a value) are acknowledged without effect.
     *
     * <p>The processing, retries included, is one span of kind CONSUMER whose parent is the record's {@code
     * traceparent} header (the producer's trace, see {@link EventTracing}); what the effect logs carries its
     * trace id.
     *
     * @param consumer a stable name of the consumer, e.g. {@code company-read-model}
     * @return whether the effect ran (false for a duplicate or a tombstone)
     */
    public boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        if (record.value() == null) {
            return false;
        }
        Span span = EventTracing.startConsumerSpan(tracer, consumer, record);
        inFlight.enter();
        try (Scope ignored = span.makeCurrent()) {
            boolean applied = processInSpan(consumer, record, effect);
            span.setAttribute("techtank.inbox.applied", applied);
            return applied;
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
            inFlight.exit();
        }
    }

    private boolean processInSpan(
            String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        IncomingEvent event = IncomingEvent.from(record, objectMapper);
        int failedAttempts = 0;
        int infrastructureFailures = 0;
        while (true) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!firstDelivery(consumer, event)) {
                        LOG.debugf("%s: %s seen before, skipped", consumer, event);
                        return false;
                    }
                    effect.accept(event);
                    return true;
                });
                if (infrastructureFailures > 0) {
                    stalls.recovered(consumer);
                    LOG.infof(
                            "%s: %s processed after %d infrastructure failures",
                            consumer, event, infrastructureFailures);
                }
                return applied;
            } catch (RuntimeException e) {
                if (isTheEventsFault(e)) {
                    stalls.recovered(consumer);
                    throw e;
                }
                if (shutdown.stopping()) {
                    // Not the event's fault: give up at once; the record is left for redelivery.
                    throw e;
                }
                if (TransientFailures.isTransient(e)) {
                    infrastructureFailures++;
                    Duration pause = backoff(infrastructureFailures);
                    stalls.failed(consumer, event.id(), e, infrastructureFailures, pause);
                    LOG.warnf(
                            "%s: infrastructure failure %d for %s, trying again in %d ms: %s",
                            consumer, infrastructureFailures, event, pause.toMillis(), e);
                    pause(pause, e);
                    continue;
                }
                failedAttempts++;
                LOG.warnf("%s: attempt %d of %d failed for %s: %s", consumer, failedAttempts, maxAttempts, event, e);
                if (failedAttempts >= maxAttempts) {
                    stalls.recovered(consumer);
                    throw new EventProcessingException(
                            consumer + " gave up on " + event + " after " + maxAttempts + " attempts", e);
                }
                pause(retryDelay.multipliedBy(failedAttempts), e);
            }
        }
    }

    /** The event is wrong, not the moment: trying again cannot help. */
    static boolean isTheEventsFault(Throwable e) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof MalformedEventException
                    || cause instanceof DomainException
                    || cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /** {@code retry-delay}, doubled per failure, at most {@code max-retry-delay}. */
    Duration backoff(int failures) {
        return Backoff.doubling(retryDelay, maxRetryDelay, failures);
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

    /** Waits {@code pause}; throws {@code failure} if the service starts stopping meanwhile. */
    private void pause(Duration pause, RuntimeException failure) {
        long until = System.nanoTime() + pause.toNanos();
        try {
            while (true) {
                if (shutdown.stopping()) {
                    throw failure;
                }
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                Thread.sleep(Math.min(PAUSE_SLICE_MILLIS, Math.max(1, left / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
