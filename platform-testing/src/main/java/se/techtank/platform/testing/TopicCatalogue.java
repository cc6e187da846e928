package se.techtank.platform.testing;

import java.util.ArrayList;
import java.util.List;

/** The project's Kafka topics (see EVENTS.md): each event topic and its {@code .dlq} dead-letter topic. */
public final class TopicCatalogue {

    /** The event topics, one per aggregate, each owned by the service that produces it. */
    public static final List<String> EVENT_TOPICS = List.of(
            "members.company.v1",
            "members.contact.v1",
            "events.meeting.v1",
            "events.registration.v1",
            "programmes.programme.v1",
            "programmes.application.v1",
            "notifications.delivery.v1");

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private TopicCatalogue() {}

    /** Every topic to create: the compacted event topics and their dead-letter topics. */
    public static List<TopicSpec> all() {
        List<TopicSpec> topics = new ArrayList<>();
        for (String topic : EVENT_TOPICS) {
            topics.add(TopicSpec.compacted(topic));
            topics.add(TopicSpec.deadLetter(topic + DEAD_LETTER_SUFFIX));
        }
        return List.copyOf(topics);
    }
}
