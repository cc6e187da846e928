package se.techtank.platform.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.Contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * contracts/asyncapi.yaml against the code's naming rule and the schemas: what the outbox may record
 * ({@link EventCatalogue}) is exactly what is listed, each with a schema whose {@code $id} is the
 * {@code ce_dataschema} the outbox sends.
 */
class EventCatalogueTest {

    private static final Pattern TYPE = Pattern.compile("se\\.techtank\\.([a-z]+)\\.([a-z-]+)\\.([a-z-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode asyncApi() throws IOException {
        return new ObjectMapper(new YAMLFactory())
                .readTree(Contracts.root().resolve("contracts/asyncapi.yaml").toFile());
    }

    @Test
    void the_packaged_catalogue_is_the_repositorys() throws IOException {
        assertThat(EventCatalogue.packaged().all())
                .isEqualTo(EventCatalogue.of(asyncApi()).all());
        assertThat(EventCatalogue.packaged().all()).hasSizeGreaterThan(30);
    }

    @Test
    void every_listed_event_follows_the_naming_rule_and_its_schema_has_the_id_the_outbox_sends() throws IOException {
        List<String> failures = new ArrayList<>();
        for (EventCatalogue.Listed listed : EventCatalogue.packaged().all().values()) {
            Matcher name = TYPE.matcher(listed.type());
            if (!name.matches()) {
                failures.add(listed.type() + ": not se.techtank.<service>.<aggregate>.<fact>");
                continue;
            }
            EventNames names = EventNames.of(name.group(1), name.group(2), name.group(3));
            if (!names.topic().equals(listed.topic())) {
                failures.add(listed.type() + ": listed on " + listed.topic() + ", published on " + names.topic());
            }
            if (!names.dataSchema().equals(listed.dataSchema())) {
                failures.add(
                        listed.type() + ": payload " + listed.dataSchema() + ", published with " + names.dataSchema());
            }
            Path file = Contracts.root().resolve(Contracts.path(listed.dataSchema()));
            if (!Files.isRegularFile(file)) {
                failures.add(listed.type() + ": no schema file " + file);
                continue;
            }
            String id = JSON.readTree(file.toFile()).path("$id").asText();
            if (!id.equals(names.dataSchema())) {
                failures.add(file + ": $id " + id + ", but ce_dataschema is " + names.dataSchema());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void every_example_carries_its_messages_type_and_schema_id() throws IOException {
        JsonNode document = asyncApi();
        List<String> failures = new ArrayList<>();
        int examples = 0;
        for (Iterator<JsonNode> messages =
                        document.path("components").path("messages").elements();
                messages.hasNext(); ) {
            JsonNode message = messages.next();
            String type = message.path("name").asText();
            String schema = EventCatalogue.packaged()
                    .find(type)
                    .map(EventCatalogue.Listed::dataSchema)
                    .orElse("(not on any channel)");
            for (JsonNode example : message.path("examples")) {
                examples++;
                JsonNode headers = example.path("headers");
                if (!type.equals(headers.path("ce_type").asText())) {
                    failures.add(type + ": an example's ce_type is " + headers.path("ce_type"));
                }
                if (!schema.equals(headers.path("ce_dataschema").asText())) {
                    failures.add(type + ": an example's ce_dataschema is " + headers.path("ce_dataschema") + ", not "
                            + schema);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(examples).isPositive();
    }

    /** A fact's schema that no message lists would describe an event no one is told about. */
    @Test
    void every_fact_schema_in_contracts_is_a_listed_message_and_every_state_schema_a_channel() throws IOException {
        Set<String> listedSchemas = new HashSet<>();
        Set<String> topics = new HashSet<>();
        EventCatalogue.packaged().all().values().forEach(listed -> {
            listedSchemas.add(Contracts.path(listed.dataSchema()));
            topics.add(listed.topic());
        });
        Pattern factFile = Pattern.compile("contracts/([a-z]+)/([a-z-]+)\\.([a-z-]+)\\.v1\\.json");
        Pattern stateFile = Pattern.compile("contracts/([a-z]+)/([a-z-]+)\\.v1\\.json");
        List<String> unlisted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Contracts.root().resolve("contracts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String path = Contracts.root().relativize(file).toString().replace('\\', '/');
                Matcher state = stateFile.matcher(path);
                if (state.matches()) {
                    String topic = state.group(1) + "." + state.group(2) + ".v1";
                    if (!topics.contains(topic)) {
                        unlisted.add(path + ": no channel " + topic);
                    }
                } else if (factFile.matcher(path).matches() && !listedSchemas.contains(path)) {
                    unlisted.add(path + ": no message lists it");
                }
            }
        }
        assertThat(unlisted).isEmpty();
    }

    @Test
    void the_outbox_refuses_an_event_the_catalogue_does_not_list() {
        EventCatalogue catalogue = EventCatalogue.packaged();
        catalogue.requireListed(EventNames.of("members", "company", "registered"));

        assertThatThrownBy(() -> catalogue.requireListed(EventNames.of("members", "company", "renamed")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("se.techtank.members.company.renamed is not in contracts/asyncapi.yaml");
        assertThatThrownBy(() -> catalogue.requireListed(
                        new EventNames("se.techtank.members.company.registered", "members.other.v1", "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("listed in contracts/asyncapi.yaml on members.company.v1");
    }
}
