package se.techtank.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * A real consumer of one topic for tests: it sees only the records produced after it subscribed, reads
 * CloudEvents binary-mode headers, and waits for events without sleeping blindly.
 *
 * <p>Two ways to hold one, both closing it: for the topics every test of a class watches, a field
 * {@code watch(topic)} of a {@link WatchesTopics} test class (subscribed before each test, closed after
 * it); for one test, try-with-resources on {@link #subscribe(String)}.
 *
 * <p>Not thread-safe: use it from the test's thread.
 */
public final class KafkaTestConsumer implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration TOPIC_METADATA_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    /** Null until {@link #open} and after {@link #close}. */
    private KafkaConsumer<String, String> consumer;

    private final List<ReceivedEvent> received = new ArrayList<>();
    /** Events already handed out by an await method: {@link #assertNoEvent} does not count them. */
    private final Set<ReceivedEvent> returned = new HashSet<>();

    private KafkaTestConsumer(String topic) {
        this.topic = topic;
    }

    /**
     * Assigns every partition of {@code topic} on this JVM's broker ({@link TestKafka}) at its current
     * end, with a fresh consumer group. The topic must exist (it waits up to 10 s for it to appear in the
     * metadata).
     */
    public static KafkaTestConsumer subscribe(String topic) {
        return subscribe(TestKafka.get().bootstrapServers(), topic);
    }

    /** As {@link #subscribe(String)}, on the broker at {@code bootstrapServers}. */
    public static KafkaTestConsumer subscribe(String bootstrapServers, String topic) {
        return subscribe(bootstrapServers, topic, TOPIC_METADATA_TIMEOUT);
    }

    static KafkaTestConsumer subscribe(String bootstrapServers, String topic, Duration topicTimeout) {
        KafkaTestConsumer consumer = unsubscribed(topic);
        consumer.open(bootstrapServers, topicTimeout);
        return consumer;
    }

    /** A consumer that subscribes only when {@link #open} is called ({@link WatchesTopics} does). */
    static KafkaTestConsumer unsubscribed(String topic) {
        return new KafkaTestConsumer(Objects.requireNonNull(topic, "topic"));
    }

    /** Subscribes at the topic's current end, forgetting what an earlier subscription received. */
    void open(String bootstrapServers, Duration topicTimeout) {
        if (consumer != null) {
            throw new IllegalStateException("Already subscribed to " + topic);
        }
        received.clear();
        returned.clear();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> opened = new KafkaConsumer<>(config);
        try {
            List<TopicPartition> partitions = partitionsOf(opened, topic, topicTimeout);
            opened.assign(partitions);
            opened.seekToEnd(partitions);
            // seekToEnd is lazy: resolving the positions now fixes "the end" at subscription time.
            partitions.forEach(partition -> opened.position(partition, DEFAULT_TIMEOUT));
            consumer = opened;
        } catch (RuntimeException e) {
            opened.close(CloseOptions.timeout(Duration.ZERO));
            throw e;
        }
    }

    void open(String bootstrapServers) {
        open(bootstrapServers, TOPIC_METADATA_TIMEOUT);
    }

    private static List<TopicPartition> partitionsOf(
            KafkaConsumer<String, String> consumer, String topic, Duration timeout) {
        Duration perCall = timeout.compareTo(Duration.ofSeconds(2)) < 0 ? timeout : Duration.ofSeconds(2);
        List<PartitionInfo> infos = await("partitions of topic " + topic + " (does it exist?)")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .pollInSameThread() // KafkaConsumer must not be used from two threads
                .until(() -> consumer.partitionsFor(topic, perCall), found -> !found.isEmpty());
        return infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    public String topic() {
        return topic;
    }

    /** The first event (received now or earlier) that matches, waiting up to 30 s for it. */
    public ReceivedEvent awaitEvent(Predicate<ReceivedEvent> match) {
        return awaitEvent(match, DEFAULT_TIMEOUT);
    }

    /** The first event (received now or earlier) that matches, waiting up to {@code timeout} for it. */
    public ReceivedEvent awaitEvent(Predicate<ReceivedEvent> match, Duration timeout) {
        return awaitEvents(1, match, timeout).get(0);
    }

    /**
     * Waits until at least {@code count} received events match, and returns all the matching events
     * received by then (in the order received).
     */
    public List<ReceivedEvent> awaitEvents(int count, Predicate<ReceivedEvent> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<ReceivedEvent> matching = received.stream().filter(match).collect(Collectors.toList());
            if (matching.size() >= count) {
                returned.addAll(matching);
                return matching;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Expected " + count + " matching event(s) on " + topic + " within " + timeout
                        + ", found " + matching.size() + ". Received: " + summary());
            }
            pollOnce();
        }
    }

    /**
     * Polls for {@code during} and fails as soon as a matching event is seen. Events already returned by
     * an await method do not count; any other event received since subscribing does.
     */
    public void assertNoEvent(Predicate<ReceivedEvent> match, Duration during) {
        Instant deadline = Instant.now().plus(during);
        while (true) {
            for (ReceivedEvent event : received) {
                if (!returned.contains(event) && match.test(event)) {
                    throw new AssertionError("Expected no matching event on " + topic + ", but got " + event);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                return;
            }
            pollOnce();
        }
    }

    /** Every event received so far, in the order received. */
    public List<ReceivedEvent> received() {
        return Collections.unmodifiableList(new ArrayList<>(received));
    }

    private void pollOnce() {
        if (consumer == null) {
            throw new IllegalStateException("Not subscribed to " + topic + ": a watch(topic) consumer is subscribed"
                    + " only during a test of its WatchesTopics class (from before each test until after it)");
        }
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            received.add(ReceivedEvent.of(record));
        }
    }

    private String summary() {
        if (received.isEmpty()) {
            return "nothing";
        }
        return received.stream()
                .map(event -> event.ceType() + " subject=" + event.ceSubject() + " key=" + event.key())
                .collect(Collectors.joining("; ", "[", "]"));
    }

    /** Closes the consumer; a no-op when not subscribed. */
    @Override
    public void close() {
        KafkaConsumer<String, String> open = consumer;
        consumer = null;
        if (open != null) {
            open.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /** One record as received: CloudEvents attributes are in the headers ({@code ce_*}), the data is the value. */
    public record ReceivedEvent(
            String topic, int partition, long offset, String key, Map<String, String> headers, String value) {

        public ReceivedEvent {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        static ReceivedEvent of(ConsumerRecord<String, String> record) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(
                        header.key(),
                        header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            return new ReceivedEvent(
                    record.topic(), record.partition(), record.offset(), record.key(), headers, record.value());
        }

        /** The header's value (the last one if repeated), or null. */
        public String header(String name) {
            return headers.get(name);
        }

        public String ceId() {
            return header("ce_id");
        }

        public String ceType() {
            return header("ce_type");
        }

        public String ceSubject() {
            return header("ce_subject");
        }

        /** The value parsed as JSON; a JSON null for a tombstone. */
        public JsonNode json() {
            if (value == null) {
                return NullNode.getInstance();
            }
            try {
                return JSON.readTree(value);
            } catch (JsonProcessingException e) {
                throw new AssertionError("The value of " + this + " is not JSON: " + e.getOriginalMessage(), e);
            }
        }
    }
}
