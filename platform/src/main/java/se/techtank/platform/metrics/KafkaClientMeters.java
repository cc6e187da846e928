package se.techtank.platform.metrics;

import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Which of the Kafka clients' own metrics reach {@code /q/metrics}. Micrometer's Kafka binder exports every
 * metric a client has, dozens per client, tagged by client (and many by topic and partition): a service with
 * several consumer channels, each with its dead-letter producer, exported more than a thousand series, most
 * of which no one reads (transactions, authentication, selector internals), on every scrape of every
 * replica. This keeps what the dashboard, the alerts and the runbooks use: consumer lag, what was consumed,
 * partitions and rebalances, and what was sent or failed. The rest stays in the clients' JMX beans.
 */
@Singleton
public class KafkaClientMeters {

    /** Micrometer's names ({@code kafka.<group>.<metric>}); Prometheus shows dots as underscores. */
    public static final Set<String> KEPT = Set.of(
            "kafka.consumer.fetch.manager.records.lag.max",
            "kafka.consumer.fetch.manager.records.lag",
            "kafka.consumer.fetch.manager.records.consumed.total",
            "kafka.consumer.coordinator.assigned.partitions",
            "kafka.consumer.coordinator.rebalance.total",
            "kafka.consumer.coordinator.failed.rebalance.total",
            "kafka.consumer.coordinator.last.rebalance.seconds.ago",
            "kafka.producer.record.send.total",
            "kafka.producer.record.error.total");

    @Produces
    @Singleton
    MeterFilter kafkaClientMeters() {
        return MeterFilter.deny(KafkaClientMeters::dropped);
    }

    static boolean dropped(Meter.Id id) {
        String name = id.getName();
        return name.startsWith("kafka.") && !KEPT.contains(name);
    }
}
