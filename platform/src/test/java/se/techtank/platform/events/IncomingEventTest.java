package se.techtank.platform.events;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import se.techtank.platform.outbox.EventNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomingEventTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    record Thing(String name) {}

    @Test
    void reads_the_envelope_and_the_payload_ignoring_unknown_fields() {
        ConsumerRecord<String, String> record = record("{\"name\": \"Robotlyftet\", \"addedLater\": 1}");
        record.headers().add("ce_id", bytes("e-1"));
        record.headers().add("ce_type", bytes("se.techtank.test.thing.happened"));
        record.headers().add("ce_source", bytes("/test-service"));
        record.headers().add("ce_subject", bytes("k"));
        record.headers().add("ce_time", bytes("2026-10-15T06:30:00.123456Z"));

        IncomingEvent event = IncomingEvent.from(record, mapper);

        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.subject()).isEqualTo("k");
        assertThat(event.time().getNano()).isEqualTo(123_456_000);
        assertThat(event.dataAs(Thing.class)).isEqualTo(new Thing("Robotlyftet"));
    }

    @Test
    void a_record_without_cloudevents_headers_or_json_is_malformed() {
        assertThatThrownBy(() -> IncomingEvent.from(record("{}"), mapper))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_id");

        ConsumerRecord<String, String> notJson = record("{oops");
        notJson.headers().add("ce_id", bytes("e-2"));
        notJson.headers().add("ce_type", bytes("t"));
        notJson.headers().add("ce_source", bytes("/s"));
        assertThatThrownBy(() -> IncomingEvent.from(notJson, mapper)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void event_names_follow_the_catalogue_rules() {
        EventNames names = EventNames.of("members", "company", "membership-activated");

        assertThat(names.type()).isEqualTo("se.techtank.members.company.membership-activated");
        assertThat(names.topic()).isEqualTo("members.company.v1");
        assertThat(names.dataSchema())
                .isEqualTo("https://api.techtank.se/contracts/members/company.membership-activated.v1.json");
        assertThatThrownBy(() -> EventNames.of("members", "Company", "registered"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ConsumerRecord<String, String> record(String value) {
        return new ConsumerRecord<>("topic", 0, 0L, "k", value);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
