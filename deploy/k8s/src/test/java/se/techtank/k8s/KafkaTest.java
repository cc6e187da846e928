package se.techtank.k8s;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import se.techtank.platform.topics.TopicCatalogue;
import se.techtank.platform.topics.TopicSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** The KafkaTopics are the topics of contracts/topics.json and of the AsyncAPI document, with their settings. */
class KafkaTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void one_kafka_topic_per_catalogue_topic_with_its_partitions_and_config(String overlay) {
        Map<String, JsonNode> topics = topics(overlay);
        assertThat(topics.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        TopicCatalogue.all().stream().map(TopicSpec::name).collect(Collectors.toList()));
        for (TopicSpec spec : TopicCatalogue.all()) {
            JsonNode topic = topics.get(spec.name()).path("spec");
            assertThat(topic.path("partitions").asInt()).as(spec.name()).isEqualTo(spec.partitions());
            Map<String, String> config = new HashMap<>();
            topic.path("config")
                    .fields()
                    .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            // The one setting beside the catalogue's: it depends on the brokers, so on the overlay.
            config.remove("min.insync.replicas");
            assertThat(config).as(spec.name() + " config").isEqualTo(spec.config());
        }
    }

    @Test
    void every_asyncapi_channel_has_its_topic() throws IOException {
        JsonNode asyncapi = Rendered.YAML.readTree(
                Rendered.repoDir().resolve("contracts/asyncapi.yaml").toFile());
        Set<String> addresses = new TreeSet<>();
        asyncapi.path("channels")
                .forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).isNotEmpty();
        for (String overlay : OVERLAYS) {
            Set<String> topics = topics(overlay).keySet();
            for (String address : addresses) {
                assertThat(topics).as(overlay).contains(address, address + TopicCatalogue.DEAD_LETTER_SUFFIX);
            }
        }
    }

    @Test
    void production_replicates_three_times_and_acknowledges_two() {
        assertThat(Rendered.required("production", "KafkaNodePool", "dual-role")
                        .path("spec")
                        .path("replicas")
                        .asInt())
                .isEqualTo(3);
        topics("production").forEach((name, topic) -> {
            assertThat(topic.path("spec").path("replicas").asInt()).as(name).isEqualTo(3);
            assertThat(topic.path("spec")
                            .path("config")
                            .path("min.insync.replicas")
                            .asText())
                    .as(name)
                    .isEqualTo("2");
        });
        assertThat(Rendered.required("dev", "KafkaNodePool", "dual-role")
                        .path("spec")
                        .path("replicas")
                        .asInt())
                .isEqualTo(1);
        topics("dev").forEach((name, topic) -> {
            assertThat(topic.path("spec").path("replicas").asInt()).as(name).isEqualTo(1);
            assertThat(topic.path("spec")
                            .path("config")
                            .path("min.insync.replicas")
                            .asText())
                    .as(name)
                    .isEqualTo("1");
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_cluster_listens_with_tls_and_scram_and_each_service_has_a_user(String overlay) {
        JsonNode kafka = Rendered.required(overlay, "Kafka", "techtank");
        assertThat(kafka.path("metadata")
                        .path("annotations")
                        .path("strimzi.io/kraft")
                        .asText())
                .isEqualTo("enabled");
        assertThat(kafka.path("metadata")
                        .path("annotations")
                        .path("strimzi.io/node-pools")
                        .asText())
                .isEqualTo("enabled");
        JsonNode listener = null;
        for (JsonNode l : kafka.path("spec").path("kafka").path("listeners")) {
            if (l.path("port").asInt() == 9093) {
                listener = l;
            }
        }
        assertThat(listener).as("listener on 9093").isNotNull();
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        for (String service : Rendered.SERVICES) {
            JsonNode user = Rendered.required(overlay, "KafkaUser", service + "-service");
            assertThat(user.path("spec").path("authentication").path("type").asText())
                    .isEqualTo("scram-sha-512");
        }
    }

    static Map<String, JsonNode> topics(String overlay) {
        Map<String, JsonNode> topics = new LinkedHashMap<>();
        for (JsonNode topic : Rendered.ofKind(overlay, "KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(Rendered.name(topic));
            assertThat(topics.put(name, topic))
                    .as(overlay + ": topic " + name + " twice")
                    .isNull();
        }
        return topics;
    }
}
