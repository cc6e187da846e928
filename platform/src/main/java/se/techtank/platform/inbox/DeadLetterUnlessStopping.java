package se.techtank.platform.inbox;

import java.util.Optional;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The failure strategy of every consumer channel ({@code failure-strategy=techtank-dead-letter-queue}):
 * a record whose processing failed goes to the channel's {@code dead-letter-queue.topic}, exactly like
 * SmallRye's {@code dead-letter-queue} strategy, except while the service is stopping. A failure then
 * says nothing about the record (the database pool or the container is going away), so the record is
 * neither acknowledged nor dead-lettered: its offset is not committed and Kafka delivers it again to
 * the next consumer of the partition.
 *
 * <p>Unless the channel names one, the dead-letter topic is the channel's topic with {@code .dlq} appended
 * (docs/events.md), not SmallRye's {@code dead-letter-topic-<channel>}.
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessStopping.NAME)
public class DeadLetterUnlessStopping implements KafkaFailureHandler.Factory {

    public static final String NAME = "techtank-dead-letter-queue";

    private static final Logger LOG = Logger.getLogger(DeadLetterUnlessStopping.class);

    /** {@code techtank_dead_letter_records_total}: records sent to a dead-letter topic. */
    static final String METRIC = "techtank.dead.letter.records";

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final ShutdownSignal shutdown;
    private final MeterRegistry registry;

    DeadLetterUnlessStopping(
            @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
            ShutdownSignal shutdown,
            MeterRegistry registry) {
        this.deadLetterQueue = deadLetterQueue;
        this.shutdown = shutdown;
        this.registry = registry;
    }

    @Override
    public KafkaFailureHandler create(
            KafkaConnectorIncomingConfiguration config,
            Vertx vertx,
            KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        TopicDeadLetterQueue channel = config == null ? null : new TopicDeadLetterQueue(config.config());
        KafkaFailureHandler delegate = deadLetterQueue.create(channel, vertx, consumer, reportFailure);
        // At zero from the start, so that a dashboard and an alert on its rate see every channel's counter.
        deadLettered(channel, null);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (shutdown.stopping()) {
                    LOG.infof("Stopping: %s left for redelivery (%s)", describe(record), reason.toString());
                    return Uni.createFrom().nothing();
                }
                // Counted once the dead-letter topic has the record: an alert on this counter means records
                // that nobody applies until someone republishes them (docs/events.md).
                return delegate.handle(record, reason, metadata)
                        .invoke(() -> deadLettered(channel, record).increment());
            }

            @Override
            public void terminate() {
                delegate.terminate();
            }
        };
    }

    private Counter deadLettered(TopicDeadLetterQueue channel, IncomingKafkaRecord<?, ?> record) {
        String topic = record != null
                ? record.getTopic()
                : channel == null ? null : channel.getTopic().orElse(null);
        String deadLetterTopic =
                channel == null ? null : channel.getDeadLetterQueueTopic().orElse(null);
        return Counter.builder(METRIC)
                .description("Records that could not be processed and were sent to a dead-letter topic")
                .tag("topic", topic == null ? "unknown" : topic)
                .tag("dead_letter_topic", deadLetterTopic == null ? "unknown" : deadLetterTopic)
                .tag("channel", channel == null ? "unknown" : channel.getChannel())
                .register(registry);
    }

    private static String describe(IncomingKafkaRecord<?, ?> record) {
        return record == null ? "a record" : record.getTopic() + "/" + record.getPartition() + "@" + record.getOffset();
    }

    /** The channel's configuration, with {@code <topic>.dlq} as the dead-letter topic unless one is set. */
    static final class TopicDeadLetterQueue extends KafkaConnectorIncomingConfiguration {

        TopicDeadLetterQueue(Config config) {
            super(config);
        }

        @Override
        public Optional<String> getDeadLetterQueueTopic() {
            return super.getDeadLetterQueueTopic().or(() -> getTopic().map(topic -> topic + ".dlq"));
        }
    }
}
