package se.techtank.platform.testing;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Another service's event, as the service under test consumes it: a CloudEvent in binary mode whose
 * payload is checked against its schema in {@code contracts/} before it is sent.
 *
 * <pre>{@code
 * CloudEventFixture.on("members.company.v1")
 *         .from("/members-service")
 *         .type("se.techtank.members.company.registered", "contracts/members/company.registered.v1.json")
 *         .subject(companyId)
 *         .data(json)
 *         .send();
 * }</pre>
 */
public final class CloudEventFixture {

    private final String topic;
    private String id = UUID.randomUUID().toString();
    private String source;
    private String type;
    private String dataSchema;
    private String subject;
    private OffsetDateTime time;
    private String data;
    private boolean validate = true;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    private CloudEventFixture(String topic) {
        this.topic = topic;
    }

    public static CloudEventFixture on(String topic) {
        return new CloudEventFixture(topic);
    }

    public CloudEventFixture id(String eventId) {
        this.id = eventId;
        return this;
    }

    public CloudEventFixture from(String source) {
        this.source = source;
        return this;
    }

    /** The event type and the schema its payload must satisfy. */
    public CloudEventFixture type(String type, String dataSchema) {
        this.type = type;
        this.dataSchema = dataSchema;
        return this;
    }

    /** An event type without a schema, e.g. one the consumer does not know yet; not validated. */
    public CloudEventFixture unknownType(String type) {
        this.type = type;
        this.dataSchema = null;
        this.validate = false;
        return this;
    }

    /** The aggregate id: record key and {@code ce_subject}. */
    public CloudEventFixture subject(Object aggregateId) {
        this.subject = aggregateId.toString();
        return this;
    }

    public CloudEventFixture time(OffsetDateTime time) {
        this.time = time;
        return this;
    }

    public CloudEventFixture data(String json) {
        this.data = json;
        return this;
    }

    /** A payload that is deliberately broken (not JSON, or against the schema): sent without validation. */
    public CloudEventFixture brokenData(String value) {
        this.data = value;
        this.validate = false;
        return this;
    }

    /** A further record header, e.g. {@code traceparent}. */
    public CloudEventFixture header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public String id() {
        return id;
    }

    /** Validates the payload (when it has a schema) and sends the record; returns the event id. */
    public String send() {
        if (validate && dataSchema != null) {
            Contracts.assertValid(dataSchema, data);
        }
        Map<String, String> headers = new LinkedHashMap<>(TestEvents.cloudEventHeaders(
                id, source, type, subject, dataSchema == null ? null : Contracts.id(dataSchema)));
        if (time != null) {
            headers.put("ce_time", time.toString());
        }
        headers.putAll(extraHeaders);
        TestEvents.send(TestKafka.get().bootstrapServers(), topic, subject, headers, data);
        return id;
    }
}
