package se.techtank.platform.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** The relay's Kafka producer: every write acknowledged by all in-sync replicas, idempotent. */
public final class OutboxProducers {

    private OutboxProducers() {}

    /**
     * How long the producer keeps trying to deliver a record it accepted. Kafka's own default: long
     * enough that a slow acknowledgement is not mistaken for a failure (the relay would then publish the
     * row again, a duplicate).
     */
    public static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    /**
     * @param security the connection's security settings ({@code KafkaSettings.security()})
     * @param sendTimeout how long {@code send} may block while the broker cannot be reached (metadata)
     */
    public static Producer<String, String> create(
            String bootstrapServers, Map<String, Object> security, String clientId, Duration sendTimeout) {
        Properties properties = new Properties();
        properties.putAll(security);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(DELIVERY_TIMEOUT.toMillis()));
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(sendTimeout.toMillis()));
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }
}
