package se.techtank.platform.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Which consumers are waiting for the infrastructure right now, for the {@code dependencies} health group
 * and the metrics {@code techtank_inbox_stalled} (1 while a consumer waits) and {@code
 * techtank_inbox_retries_total} (tries repeated because of an infrastructure failure).
 */
@ApplicationScoped
public class ConsumerStalls {

    /** One consumer waiting: since when, how many tries failed, the last failure and the event it waits with. */
    public record Stall(Instant since, int failedTries, String lastFailure, String eventId, Duration nextTryIn) {}

    private final Map<String, Stall> stalls = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    ConsumerStalls(MeterRegistry registry) {
        this.registry = registry;
    }

    void failed(String consumer, String eventId, RuntimeException failure, int failedTries, Duration nextTryIn) {
        register(consumer);
        stalls.compute(
                consumer,
                (name, stall) -> new Stall(
                        stall == null ? Instant.now() : stall.since(),
                        failedTries,
                        failure.toString(),
                        eventId,
                        nextTryIn));
        retries.get(consumer).increment();
    }

    void recovered(String consumer) {
        // Registered with the consumer's first event: from then on its series are there, at zero.
        register(consumer);
        stalls.remove(consumer);
    }

    /** The consumers waiting now, by name. */
    public Map<String, Stall> current() {
        return Map.copyOf(stalls);
    }

    private void register(String consumer) {
        retries.computeIfAbsent(consumer, name -> {
            Gauge.builder("techtank.inbox.stalled", stalls, map -> map.containsKey(name) ? 1 : 0)
                    .description("1 while the consumer waits to retry an event after an infrastructure failure")
                    .tag("consumer", name)
                    .register(registry);
            return Counter.builder("techtank.inbox.retries")
                    .description("Tries of an event repeated because of an infrastructure failure")
                    .tag("consumer", name)
                    .register(registry);
        });
    }
}
