package se.techtank.platform.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.topics.TopicCatalogue;
import se.techtank.platform.topics.TopicSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestKafkaTest {

    private static final String TOPIC = "members.company.v1";
    private static final String SCHEMA = "contracts/members/company.registered.v1.json";

    private static String bootstrap;

    @BeforeAll
    static void createTopics() {
        TestKafka.ensureCatalogueTopics();
        bootstrap = TestKafka.get().bootstrapServers();
    }

    @Test
    void the_catalogue_has_a_compacted_topic_and_a_dead_letter_topic_per_aggregate() {
        assertThat(TopicCatalogue.all()).hasSize(14);
        assertThat(TopicCatalogue.all())
                .extracting(TopicSpec::name)
                .contains("members.company.v1", "members.company.v1.dlq", "notifications.delivery.v1.dlq");
    }

    @Test
    void catalogue_topics_exist_with_their_partitions_and_cleanup_policy() throws Exception {
        TestKafka.ensureCatalogueTopics(); // a second time: existing topics are fine

        Set<String> names = TopicCatalogue.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(names).allTopicNames().get();
            List<ConfigResource> resources = names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                    .toList();
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(resources).all().get();

            for (String topic : TopicCatalogue.EVENT_TOPICS) {
                assertThat(topics.get(topic).partitions()).as(topic).hasSize(3);
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic));
                assertThat(config.get("cleanup.policy").value()).as(topic).isEqualTo("compact");
                if (TopicCatalogue.PERSONAL_DATA_TOPICS.contains(topic)) {
                    assertThat(config.get("max.compaction.lag.ms").value())
                            .as(topic)
                            .isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
                    assertThat(config.get("segment.ms").value())
                            .as(topic)
                            .isEqualTo(String.valueOf(Duration.ofDays(1).toMillis()));
                }

                String deadLetter = topic + ".dlq";
                assertThat(topics.get(deadLetter).partitions()).as(deadLetter).hasSize(1);
                Config dlqConfig = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, deadLetter));
                assertThat(dlqConfig.get("cleanup.policy").value()).isEqualTo("delete");
                assertThat(dlqConfig.get("retention.ms").value())
                        .isEqualTo(String.valueOf(Duration.ofDays(14).toMillis()));
            }
        }
    }

    @Test
    void a_sent_event_arrives_with_its_key_headers_and_json() {
        String companyId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        try (KafkaTestConsumer consumer = KafkaTestConsumer.subscribe(bootstrap, TOPIC)) {
            Map<String, String> headers = TestEvents.cloudEventHeaders(
                    eventId, "/members-service", "se.techtank.members.company.registered", companyId, SCHEMA);
            TestEvents.send(
                    bootstrap, TOPIC, companyId, headers, "{\"id\":\"" + companyId + "\",\"name\":\"Acme AB\"}");

            ReceivedEvent event = consumer.awaitEvent(e -> eventId.equals(e.ceId()));

            assertThat(event.topic()).isEqualTo(TOPIC);
            assertThat(event.key()).isEqualTo(companyId);
            assertThat(event.ceType()).isEqualTo("se.techtank.members.company.registered");
            assertThat(event.ceSubject()).isEqualTo(companyId);
            assertThat(event.header("ce_specversion")).isEqualTo("1.0");
            assertThat(event.header("ce_source")).isEqualTo("/members-service");
            assertThat(event.header("ce_dataschema")).isEqualTo(SCHEMA);
            assertThat(event.header("content-type")).isEqualTo("application/json");
            assertThat(event.header("ce_time"))
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
            assertThat(event.json().get("name").asText()).isEqualTo("Acme AB");
            assertThat(consumer.received()).contains(event);
        }
    }

    @Test
    void a_consumer_sees_only_events_sent_after_it_subscribed() {
        String key = UUID.randomUUID().toString();
        TestEvents.send(bootstrap, TOPIC, key, TestEvents.cloudEventHeaders("before", "/test", "t", key, null), "{}");
        try (KafkaTestConsumer consumer = KafkaTestConsumer.subscribe(bootstrap, TOPIC)) {
            TestEvents.send(
                    bootstrap, TOPIC, key, TestEvents.cloudEventHeaders("after-1", "/test", "t", key, null), "{}");
            TestEvents.send(
                    bootstrap, TOPIC, key, TestEvents.cloudEventHeaders("after-2", "/test", "t", key, null), "{}");

            List<ReceivedEvent> events = consumer.awaitEvents(2, e -> key.equals(e.key()), Duration.ofSeconds(30));

            assertThat(events).extracting(ReceivedEvent::ceId).containsExactly("after-1", "after-2");
            consumer.assertNoEvent(e -> key.equals(e.key()), Duration.ofMillis(300));
            assertThat(consumer.received()).extracting(ReceivedEvent::ceId).doesNotContain("before");
        }
    }

    @Test
    void an_unexpected_event_fails_assert_no_event() {
        String key = UUID.randomUUID().toString();
        try (KafkaTestConsumer consumer = KafkaTestConsumer.subscribe(bootstrap, TOPIC)) {
            TestEvents.send(bootstrap, TOPIC, key, TestEvents.cloudEventHeaders("x", "/test", "t", key, null), "{}");

            assertThatThrownBy(() -> consumer.assertNoEvent(e -> key.equals(e.key()), Duration.ofSeconds(10)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(key);
        }
    }

    @Test
    void waiting_for_an_event_that_never_comes_fails_listing_what_came() {
        try (KafkaTestConsumer consumer = KafkaTestConsumer.subscribe(bootstrap, TOPIC)) {
            assertThatThrownBy(() -> consumer.awaitEvent(e -> false, Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expected 1 matching event(s) on " + TOPIC);
        }
    }

    @Test
    void subscribing_to_a_missing_topic_fails() {
        assertThatThrownBy(() -> KafkaTestConsumer.subscribe(
                        bootstrap, "no.such.topic." + UUID.randomUUID(), Duration.ofSeconds(1)))
                .hasMessageContaining("no.such.topic");
    }
}
