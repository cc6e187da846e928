package se.techtank.platform.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    KafkaClientMetersTest() {
        registry.config().meterFilter(new KafkaClientMeters().kafkaClientMeters());
    }

    @Test
    void keeps_the_kafka_meters_the_dashboard_and_runbooks_use() {
        registry.gauge("kafka.consumer.fetch.manager.records.lag.max", Tags.of("client.id", "c1"), 3.0);
        registry.counter("kafka.producer.record.error.total", "client.id", "p1");

        assertThat(registry.find("kafka.consumer.fetch.manager.records.lag.max").gauge())
                .isNotNull();
        assertThat(registry.find("kafka.producer.record.error.total").counter()).isNotNull();
    }

    @Test
    void drops_the_other_kafka_client_meters() {
        registry.gauge("kafka.producer.txn.commit.time.ns.total", Tags.of("client.id", "p1"), 1.0);
        registry.gauge("kafka.consumer.successful.authentication.rate", Tags.of("client.id", "c1"), 1.0);
        registry.gauge("kafka.app.info.start.time.ms", Tags.of("client.id", "c1"), 1.0);

        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void leaves_every_other_meter_alone() {
        registry.counter("techtank.dead.letter.records.total", "topic", "members.company.v1");
        registry.gauge("outbox.unsent.rows", 0.0);

        assertThat(registry.getMeters()).hasSize(2);
    }
}
