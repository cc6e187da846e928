package se.techtank.platform.topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The project's Kafka topics (see docs/events.md): each event topic and its {@code .dlq} dead-letter
 * topic, with their settings. The data is {@code contracts/topics.json}, packaged in this jar, so the
 * tests, the local stack and the Kubernetes topics read one source.
 */
public final class TopicCatalogue {

    static final String RESOURCE = "topics.json";

    private static final Settings SETTINGS = Settings.read(RESOURCE);

    /** The event topics, one per aggregate, each owned by the service that produces it. */
    public static final List<String> EVENT_TOPICS = SETTINGS.eventTopicNames();

    public static final String DEAD_LETTER_SUFFIX = SETTINGS.deadLetterSuffix();

    /**
     * The event topics that carry personal data. Their settings bound how long compaction can leave an
     * erased person's earlier events on the topic (docs/operations.md).
     */
    public static final List<String> PERSONAL_DATA_TOPICS = SETTINGS.personalDataTopicNames();

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

    static TopicSpec eventTopic(String name) {
        Map<String, String> config = new LinkedHashMap<>(SETTINGS.eventConfig());
        if (PERSONAL_DATA_TOPICS.contains(name)) {
            config.putAll(SETTINGS.personalDataConfig());
        }
        return new TopicSpec(name, SETTINGS.eventPartitions(), config);
    }

    static TopicSpec deadLetterTopic(String name) {
        return new TopicSpec(name, SETTINGS.deadLetterPartitions(), SETTINGS.deadLetterConfig());
    }

    /** {@code topics.json}, checked as it is read: a wrong file fails the first use, not a broker later. */
    record Settings(
            List<String> eventTopicNames,
            int eventPartitions,
            Map<String, String> eventConfig,
            List<String> personalDataTopicNames,
            Map<String, String> personalDataConfig,
            String deadLetterSuffix,
            int deadLetterPartitions,
            Map<String, String> deadLetterConfig) {

        static Settings read(String resource) {
            try (InputStream in = TopicCatalogue.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "No " + resource + " next to " + TopicCatalogue.class.getName() + " on the class path");
                }
                return parse(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + resource, e);
            }
        }

        static Settings parse(JsonNode root) {
            JsonNode events = required(root, "eventTopics");
            JsonNode personal = required(root, "personalDataTopics");
            JsonNode deadLetters = required(root, "deadLetterTopics");
            List<String> names = names(events, "eventTopics");
            List<String> personalNames = names(personal, "personalDataTopics");
            if (!names.containsAll(personalNames)) {
                throw new IllegalStateException(
                        "personalDataTopics.names must be event topics: " + personalNames + " not all in " + names);
            }
            return new Settings(
                    names,
                    required(events, "partitions").asInt(),
                    config(required(events, "config")),
                    personalNames,
                    config(required(personal, "config")),
                    text(required(deadLetters, "suffix"), "deadLetterTopics.suffix"),
                    required(deadLetters, "partitions").asInt(),
                    config(required(deadLetters, "config")));
        }

        private static List<String> names(JsonNode node, String what) {
            List<String> names = new ArrayList<>();
            for (JsonNode name : required(node, "names")) {
                names.add(text(name, what + ".names[]"));
            }
            if (names.isEmpty() || names.size() != names.stream().distinct().count()) {
                throw new IllegalStateException(what + ".names must list distinct topics: " + names);
            }
            return List.copyOf(names);
        }

        private static JsonNode required(JsonNode node, String field) {
            JsonNode value = node.path(field);
            if (value.isMissingNode() || value.isNull()) {
                throw new IllegalStateException(RESOURCE + " has no " + field);
            }
            return value;
        }

        private static String text(JsonNode node, String what) {
            if (!node.isTextual() || node.asText().isBlank()) {
                throw new IllegalStateException(what + " must be a non-blank string: " + node);
            }
            return node.asText();
        }

        private static Map<String, String> config(JsonNode node) {
            Map<String, String> config = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                // Kafka topic settings are strings ("1209600000", not a number), as the Admin API takes them.
                config.put(entry.getKey(), text(entry.getValue(), entry.getKey()));
            }
            return Map.copyOf(config);
        }
    }
}
