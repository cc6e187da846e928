package se.techtank.platform.testing;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatchesTopicsTest extends WatchesTopics {

    private static final String TOPIC = "members.company.v1";
    private static final String OTHER_TOPIC = "members.contact.v1";
    private static final String KEY = UUID.randomUUID().toString();

    private final KafkaTestConsumer companies = watch(TOPIC);
    private final KafkaTestConsumer contacts = watch(OTHER_TOPIC);

    @BeforeAll
    static void sendBeforeAnyTest() {
        TestKafka.ensureCatalogueTopics();
        send(TOPIC, "before-the-tests");
    }

    @Test
    void every_watched_topic_is_subscribed_for_the_test_and_sees_only_what_came_after_it_began() {
        send(TOPIC, "during-the-test");
        send(OTHER_TOPIC, "on-the-other-topic");

        ReceivedEvent company = companies.awaitEvent(e -> KEY.equals(e.key()));
        ReceivedEvent contact = contacts.awaitEvent(e -> KEY.equals(e.key()));

        assertThat(company.ceId()).isEqualTo("during-the-test");
        assertThat(contact.ceId()).isEqualTo("on-the-other-topic");
        companies.assertNoEvent(e -> KEY.equals(e.key()), Duration.ofMillis(300));
        assertThat(companies.received()).extracting(ReceivedEvent::ceId).doesNotContain("before-the-tests");
    }

    @Test
    void a_watched_field_does_not_subscribe_before_the_test_begins() {
        KafkaTestConsumer unstarted = new WatchesTopics() {}.watch(TOPIC);

        assertThatThrownBy(() -> unstarted.awaitEvent(e -> true, Duration.ofMillis(100)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Not subscribed to " + TOPIC);
        unstarted.close(); // closing what never opened is harmless
    }

    @Test
    void after_closing_a_new_subscription_starts_from_the_topic_end_again() {
        send(TOPIC, "first");
        companies.awaitEvent(e -> "first".equals(e.ceId()));

        closeWatchedTopics();
        assertThatThrownBy(() -> companies.awaitEvent(e -> "while-closed".equals(e.ceId()), Duration.ofMillis(100)))
                .isInstanceOf(IllegalStateException.class);
        send(TOPIC, "while-closed");
        subscribeWatchedTopics();
        send(TOPIC, "second");

        companies.awaitEvent(e -> "second".equals(e.ceId()));
        assertThat(companies.received()).extracting(ReceivedEvent::ceId).doesNotContain("first", "while-closed");
    }

    private static void send(String topic, String eventId) {
        TestEvents.send(
                TestKafka.get().bootstrapServers(),
                topic,
                KEY,
                TestEvents.cloudEventHeaders(eventId, "/test", "se.techtank.test.watched", KEY, null),
                "{}");
    }
}
