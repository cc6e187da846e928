package se.techtank.platform.testing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of a test class whose tests watch Kafka topics: each {@link #watch} field is subscribed before
 * every test, at the topic's end (so a test sees only what happened since it began), and closed after it.
 *
 * <pre>{@code
 * @QuarkusTest
 * class MeetingTest extends WatchesTopics {
 *     private final KafkaTestConsumer meetingTopic = watch("events.meeting.v1");
 *
 *     @Test
 *     void publishing_publishes_meeting_published() {
 *         ... meetingTopic.awaitEvent(e -> "se.techtank.events.meeting.published".equals(e.ceType()));
 *     }
 * }
 * }</pre>
 *
 * <p>A superclass rather than a JUnit extension: under {@code @QuarkusTest} the test instance an extension
 * is handed is not always the one the test runs on (quarkusio/quarkus#7199, #12511), while inherited
 * {@code @BeforeEach}/{@code @AfterEach} methods run on that very instance. Creating a field does not
 * touch Kafka: the broker and its topics exist only once Quarkus has started the test resource, which may
 * be after the instance is constructed. A superclass's {@code @BeforeEach} runs before the test class's
 * own, and its {@code @AfterEach} after them, so the consumers are usable in both.
 */
public abstract class WatchesTopics {

    private final List<KafkaTestConsumer> watched = new ArrayList<>();

    /** A consumer of {@code topic} that is subscribed during each test of this class. */
    protected final KafkaTestConsumer watch(String topic) {
        KafkaTestConsumer consumer = KafkaTestConsumer.unsubscribed(topic);
        watched.add(consumer);
        return consumer;
    }

    @BeforeEach
    protected final void subscribeWatchedTopics() {
        if (watched.isEmpty()) {
            return;
        }
        String bootstrapServers = TestKafka.get().bootstrapServers();
        for (KafkaTestConsumer consumer : watched) {
            consumer.open(bootstrapServers);
        }
    }

    /** Runs even when a subscription (or the test) failed: closes whatever is open. */
    @AfterEach
    protected final void closeWatchedTopics() {
        RuntimeException failure = null;
        for (KafkaTestConsumer consumer : watched) {
            try {
                consumer.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
