package se.techtank.platform.topics;

import java.util.Map;
import java.util.Objects;

/** A Kafka topic as the project creates it: name, partitions and topic-level configuration. */
public record TopicSpec(String name, int partitions, Map<String, String> config) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        config = Map.copyOf(config == null ? Map.of() : config);
    }

    /** An event topic: compacted, so the latest event of every aggregate stays forever. */
    public static TopicSpec compacted(String name) {
        return TopicCatalogue.eventTopic(name);
    }

    /** A dead-letter topic: one partition, deleted after 14 days. */
    public static TopicSpec deadLetter(String name) {
        return TopicCatalogue.deadLetterTopic(name);
    }
}
