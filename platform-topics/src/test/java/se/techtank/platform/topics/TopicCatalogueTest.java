package se.techtank.platform.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicCatalogueTest {

    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact");
    private static final Map<String, String> COMPACTED_PERSONAL = Map.of(
            "cleanup.policy",
            "compact",
            "max.compaction.lag.ms",
            String.valueOf(Duration.ofDays(7).toMillis()),
            "segment.ms",
            String.valueOf(Duration.ofDays(1).toMillis()));
    private static final Map<String, String> DEAD_LETTER = Map.of(
            "cleanup.policy",
            "delete",
            "retention.ms",
            String.valueOf(Duration.ofDays(14).toMillis()));

    @Test
    void every_aggregate_has_a_compacted_event_topic_and_a_dead_letter_topic() {
        assertThat(TopicCatalogue.EVENT_TOPICS)
                .containsExactly(
                        "members.company.v1",
                        "members.contact.v1",
                        "events.meeting.v1",
                        "events.registration.v1",
                        "programmes.programme.v1",
                        "programmes.application.v1",
                        "notifications.delivery.v1");
        assertThat(TopicCatalogue.DEAD_LETTER_SUFFIX).isEqualTo(".dlq");

        List<TopicSpec> all = TopicCatalogue.all();

        assertThat(all).hasSize(14);
        for (int i = 0; i < TopicCatalogue.EVENT_TOPICS.size(); i++) {
            String topic = TopicCatalogue.EVENT_TOPICS.get(i);
            boolean personal = List.of(
                            "members.contact.v1",
                            "events.meeting.v1",
                            "events.registration.v1",
                            "programmes.application.v1")
                    .contains(topic);
            assertThat(all.get(2 * i)).isEqualTo(new TopicSpec(topic, 3, personal ? COMPACTED_PERSONAL : COMPACTED));
            assertThat(all.get(2 * i + 1)).isEqualTo(new TopicSpec(topic + ".dlq", 1, DEAD_LETTER));
        }
    }

    @Test
    void a_topic_of_a_test_gets_the_settings_of_its_kind() {
        assertThat(TopicSpec.compacted("outbox-test-1")).isEqualTo(new TopicSpec("outbox-test-1", 3, COMPACTED));
        assertThat(TopicSpec.deadLetter("outbox-test-1.dlq"))
                .isEqualTo(new TopicSpec("outbox-test-1.dlq", 1, DEAD_LETTER));
    }

    @Test
    void a_topic_has_a_name_and_at_least_one_partition() {
        assertThatThrownBy(() -> new TopicSpec(null, 1, Map.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TopicSpec("t", 0, Map.of())).hasMessageContaining("at least 1");
        assertThat(new TopicSpec("t", 1, null).config()).isEmpty();
    }

    @Test
    void a_catalogue_file_that_lacks_a_setting_or_repeats_a_topic_is_refused_when_read() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String personal = "\"personalDataTopics\": {\"config\": {}, \"names\": [\"a\"]}, ";
        String deadLetters =
                "\"deadLetterTopics\": {\"suffix\": \".dlq\", \"partitions\": 1, \"config\": {\"retention.ms\": \"1\"}}";

        assertThatThrownBy(() -> TopicCatalogue.Settings.parse(json.readTree("{" + deadLetters + "}")))
                .hasMessageContaining("eventTopics");
        assertThatThrownBy(() -> TopicCatalogue.Settings.parse(json.readTree(
                        "{\"eventTopics\": {\"partitions\": 3, \"config\": {}, \"names\": [\"a\", \"a\"]}, " + personal
                                + deadLetters + "}")))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> TopicCatalogue.Settings.parse(json.readTree(
                        "{\"eventTopics\": {\"partitions\": 3, \"config\": {\"retention.ms\": 1}, \"names\": [\"a\"]}, "
                                + personal + deadLetters + "}")))
                .hasMessageContaining("retention.ms");
        assertThatThrownBy(() -> TopicCatalogue.Settings.parse(
                        json.readTree("{\"eventTopics\": {\"partitions\": 3, \"config\": {}, \"names\": [\"b\"]}, "
                                + personal + deadLetters + "}")))
                .hasMessageContaining("personalDataTopics.names must be event topics");
    }
}
