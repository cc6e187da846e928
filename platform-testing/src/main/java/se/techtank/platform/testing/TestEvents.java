package se.techtank.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces fixture events, e.g. another service's event that the service under test consumes. */
public final class TestEvents {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    /** One producer per bootstrap address for the life of the JVM: creating one costs a metadata round trip. */
    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new ConcurrentHashMap<>();

    private TestEvents() {}

    /**
     * Sends one record and waits for the broker's acknowledgement ({@code acks=all}).
     *
     * @param value the record's value; null sends a tombstone
     */
    public static void send(
            String bootstrapServers, String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, headerValue) ->
                record.headers().add(name, headerValue == null ? null : headerValue.getBytes(StandardCharsets.UTF_8)));
        try {
            producer(bootstrapServers).send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send to " + topic + " at " + bootstrapServers, e);
        }
    }

    /**
     * The CloudEvents binary-mode headers of one event: {@code ce_specversion}, {@code ce_id},
     * {@code ce_source}, {@code ce_type}, {@code ce_subject}, {@code ce_time} (now), {@code ce_dataschema}
     * and {@code content-type: application/json}. Null attributes are left out.
     */
    public static Map<String, String> cloudEventHeaders(
            String id, String source, String type, String subject, String dataSchema) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        putIfPresent(headers, "ce_id", id);
        putIfPresent(headers, "ce_source", source);
        putIfPresent(headers, "ce_type", type);
        putIfPresent(headers, "ce_subject", subject);
        headers.put(
                "ce_time",
                OffsetDateTime.now(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.MILLIS)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        putIfPresent(headers, "ce_dataschema", dataSchema);
        headers.put("content-type", "application/json");
        return headers;
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return PRODUCERS.computeIfAbsent(bootstrapServers, servers -> {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(SEND_TIMEOUT_SECONDS * 1000));
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            KafkaProducer<String, String> producer = new KafkaProducer<>(config);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> producer.close(java.time.Duration.ofSeconds(1)), "techtank-test-producer-stop"));
            return producer;
        });
    }
}
