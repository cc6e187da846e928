package se.techtank.platform.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterUnlessStoppingTest {

    private final List<Throwable> deadLettered = new ArrayList<>();
    private final MeterRegistry registry = new SimpleMeterRegistry();

    private final KafkaFailureHandler.Factory deadLetterQueue =
            (config, vertx, consumer, reportFailure) -> new KafkaFailureHandler() {
                @Override
                public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                    deadLettered.add(reason);
                    return Uni.createFrom().voidItem();
                }
            };

    @Test
    void a_failed_record_goes_to_the_dead_letter_topic_while_the_service_runs() {
        DeadLetterUnlessStopping strategy =
                new DeadLetterUnlessStopping(deadLetterQueue, new ShutdownSignal(), registry);
        KafkaFailureHandler handler = strategy.create(companyChannel(), null, null, null);

        CompletableFuture<Void> handled = handler.handle(
                        null, new IllegalStateException("bad payload"), Metadata.empty())
                .subscribeAsCompletionStage();

        assertThat(handled).isCompleted();
        assertThat(deadLettered).extracting(Throwable::getMessage).containsExactly("bad payload");
        assertThat(deadLetteredCount()).isEqualTo(1.0);
    }

    @Test
    void a_record_that_fails_while_stopping_is_neither_dead_lettered_nor_acknowledged() {
        ShutdownSignal shutdown = new ShutdownSignal();
        DeadLetterUnlessStopping strategy = new DeadLetterUnlessStopping(deadLetterQueue, shutdown, registry);
        KafkaFailureHandler handler = strategy.create(null, null, null, null);

        shutdown.onStop(null);
        CompletableFuture<Void> handled = handler.handle(
                        null, new IllegalStateException("pool closed"), Metadata.empty())
                .subscribeAsCompletionStage();

        assertThat(deadLettered).isEmpty();
        // The channel's counter exists from the start, and stays at zero.
        assertThat(registry.find(DeadLetterUnlessStopping.METRIC).counters())
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        // Never completing keeps the offset uncommitted, so Kafka delivers the record again.
        assertThat(handled).isNotDone();
    }

    @Test
    void the_dead_letter_topic_is_the_channels_topic_with_dlq_unless_the_channel_names_one() {
        assertThat(new DeadLetterUnlessStopping.TopicDeadLetterQueue(channel(
                                java.util.Map.of("channel-name", "members-company", "topic", "members.company.v1")))
                        .getDeadLetterQueueTopic())
                .contains("members.company.v1.dlq");
        assertThat(new DeadLetterUnlessStopping.TopicDeadLetterQueue(channel(java.util.Map.of(
                                "channel-name", "members-company",
                                "topic", "members.company.v1",
                                "dead-letter-queue.topic", "company-dead-letters")))
                        .getDeadLetterQueueTopic())
                .contains("company-dead-letters");
    }

    private static KafkaConnectorIncomingConfiguration companyChannel() {
        return new KafkaConnectorIncomingConfiguration(
                channel(java.util.Map.of("channel-name", "members-company", "topic", "members.company.v1")));
    }

    /** {@code techtank_dead_letter_records_total} of the company channel. */
    private double deadLetteredCount() {
        return registry.get(DeadLetterUnlessStopping.METRIC)
                .tag("topic", "members.company.v1")
                .tag("dead_letter_topic", "members.company.v1.dlq")
                .tag("channel", "members-company")
                .counter()
                .count();
    }

    /** A channel's configuration as the connector sees it: what it requires, and {@code values}. */
    private static org.eclipse.microprofile.config.Config channel(java.util.Map<String, String> values) {
        java.util.Map<String, String> all = new java.util.HashMap<>(values);
        all.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        return new io.smallrye.config.SmallRyeConfigBuilder()
                .withSources(new io.smallrye.config.PropertiesConfigSource(all, "channel", 100))
                .build();
    }
}
