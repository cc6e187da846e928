package se.techtank.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rendered object is one the pinned APIs know, field by field: built-in kinds and the Prometheus Operator's
 * through fabric8's model classes, Strimzi's through io.strimzi:api at the operator's version, CloudNativePG's and
 * its backup plugin's through JSON Schemas written from their CRDs (schemas/). A field the model does not know
 * (a typo, a field of another version) would be dropped by the API server without a word: here it fails.
 */
class ModelsTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    /** The model class of each apiVersion/kind; an object of any other kind fails the test. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    /** The JSON Schema file of each custom resource without a Java model. */
    static final Map<String, String> SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "cnpg-1.30.0.json",
            "postgresql.cnpg.io/v1/ScheduledBackup", "cnpg-1.30.0.json",
            "barmancloud.cnpg.io/v1/ObjectStore", "plugin-barman-cloud-0.14.0.json");

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_object_is_of_a_known_api_version_and_kind(String overlay) {
        List<String> unknown = Rendered.overlay(overlay).stream()
                .map(ModelsTest::type)
                .filter(type -> !MODELS.containsKey(type) && !SCHEMAS.containsKey(type))
                .distinct()
                .collect(Collectors.toList());
        assertThat(unknown).as("kinds without a model or schema to check them").isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void model_classes_know_every_field(String overlay) throws Exception {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : Rendered.overlay(overlay)) {
            Class<?> model = MODELS.get(type(object));
            if (model == null) {
                continue;
            }
            String where = type(object) + " " + Rendered.name(object);
            Object parsed;
            try {
                parsed = MAPPER.treeToValue(object, model);
            } catch (Exception e) {
                problems.add(where + ": " + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            unknownFields(parsed, where, problems);
        }
        assertThat(problems).as("fields the model classes do not know").isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void custom_resources_without_a_model_match_their_schema(String overlay) {
        List<String> problems = new ArrayList<>();
        SchemaRegistry registry = schemas();
        for (JsonNode object : Rendered.overlay(overlay)) {
            String file = SCHEMAS.get(type(object));
            if (file == null) {
                continue;
            }
            Path schemaFile = Rendered.k8sDir().resolve("schemas").resolve(file);
            Schema schema = registry.getSchema(SchemaLocation.of(
                    schemaFile.toUri() + "#/$defs/" + object.path("kind").asText()));
            schema.validate(object.toString(), InputFormat.JSON)
                    .forEach(error -> problems.add(type(object) + " " + Rendered.name(object) + " "
                            + error.getInstanceLocation() + ": " + error.getMessage()));
        }
        assertThat(problems).as("violations of schemas/").isEmpty();
    }

    /** The check itself: a misspelt field is caught at any depth, by the model and by the schema. */
    @Test
    void an_unknown_field_is_caught() throws Exception {
        JsonNode deployment =
                Rendered.required("dev", "Deployment", "members-service").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) deployment
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .get(0)
                        .path("readinessProbe"))
                .put("perodSeconds", 5);
        List<String> problems = new ArrayList<>();
        unknownFields(MAPPER.treeToValue(deployment, Deployment.class), "Deployment", problems);
        assertThat(problems).anyMatch(p -> p.contains("perodSeconds"));

        JsonNode kafka = Rendered.required("dev", "Kafka", "techtank").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        kafka.path("spec").path("kafka").path("listeners").get(0))
                .put("tsl", true);
        problems.clear();
        unknownFields(MAPPER.treeToValue(kafka, Kafka.class), "Kafka", problems);
        assertThat(problems).anyMatch(p -> p.contains("tsl"));

        JsonNode cluster = Rendered.required("dev", "Cluster", "members-db").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) cluster.path("spec")).put("instancess", 1);
        Schema schema = schemas()
                .getSchema(SchemaLocation.of(
                        Rendered.k8sDir().resolve("schemas/cnpg-1.30.0.json").toUri() + "#/$defs/Cluster"));
        assertThat(schema.validate(cluster.toString(), InputFormat.JSON)).isNotEmpty();
    }

    /** Draft 2020-12 schemas, the files of schemas/ read from disk. */
    static SchemaRegistry schemas() {
        return SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(iri -> {
                    if (!iri.startsWith("file:")) {
                        return null;
                    }
                    try {
                        return Files.readString(Path.of(URI.create(iri.replaceFirst("#.*", ""))));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    static String type(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /**
     * fabric8's and Strimzi's model classes keep fields they do not know in {@code additionalProperties} instead
     * of failing: walks the parsed object and reports each such field with its path.
     */
    static void unknownFields(Object value, String path, List<String> problems) throws Exception {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                unknownFields(entry.getValue(), path + "." + entry.getKey(), problems);
            }
            return;
        }
        String type = value.getClass().getName();
        if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0
                    || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class
                    || !(method.getName().startsWith("get") || method.getName().startsWith("is"))) {
                continue;
            }
            Object child;
            try {
                child = method.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties") && child instanceof Map<?, ?> extra) {
                extra.keySet().forEach(key -> problems.add(path + "." + key));
            } else if (child != value) {
                unknownFields(child, path + "." + property(method.getName()), problems);
            }
        }
    }

    private static String property(String getter) {
        String name = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
