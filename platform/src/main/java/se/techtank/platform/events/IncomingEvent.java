package se.techtank.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A consumed CloudEvent (binary mode): its envelope and its JSON payload. */
public record IncomingEvent(
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String dataSchema,
        String topic,
        String key,
        JsonNode data,
        ObjectMapper mapper) {

    /** Reads the envelope and payload of a record; throws {@link MalformedEventException} if it is not a CloudEvent. */
    public static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper mapper) {
        String id = requiredHeader(record, CloudEventHeaders.ID);
        String type = requiredHeader(record, CloudEventHeaders.TYPE);
        String source = requiredHeader(record, CloudEventHeaders.SOURCE);
        String subject = header(record, CloudEventHeaders.SUBJECT);
        String timeText = header(record, CloudEventHeaders.TIME);
        OffsetDateTime time;
        try {
            time = timeText == null ? null : OffsetDateTime.parse(timeText);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("Header ce_time is not an ISO-8601 time: " + timeText, e);
        }
        if (record.value() == null) {
            throw new MalformedEventException("Event " + id + " has no payload");
        }
        JsonNode data;
        try {
            data = mapper.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Payload of event " + id + " is not JSON", e);
        }
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("Payload of event " + id + " is not a JSON object");
        }
        return new IncomingEvent(
                id,
                type,
                source,
                subject,
                time,
                header(record, CloudEventHeaders.DATA_SCHEMA),
                record.topic(),
                record.key(),
                data,
                mapper);
    }

    /**
     * The payload as a record of the consumer's own. Unknown fields are ignored (producers may add
     * fields); a payload that does not fit throws {@link MalformedEventException}.
     */
    public <T> T dataAs(Class<T> type) {
        try {
            return mapper.readerFor(type)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(data);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new MalformedEventException("Payload of event " + id + " does not fit " + type.getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "IncomingEvent[id=" + id + ", type=" + type + ", subject=" + subject + ", topic=" + topic + "]";
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String requiredHeader(ConsumerRecord<?, ?> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " has no " + name + " header");
        }
        return value;
    }
}
