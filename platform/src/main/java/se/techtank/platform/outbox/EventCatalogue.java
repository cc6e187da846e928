package se.techtank.platform.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The events the system publishes, as {@code contracts/asyncapi.yaml} lists them (packaged with the platform):
 * each message's {@code ce_type}, the topic of the channel it is on, and its payload schema's {@code $id}. The
 * outbox records only what is listed, with that topic and schema, so the catalogue partners and consumers read
 * cannot fall behind the code: a fact added without its message and schema fails the first test that records it.
 */
public final class EventCatalogue {

    /** Where the build puts the catalogue on the class path. */
    static final String RESOURCE = "techtank/contracts/asyncapi.yaml";

    /** One listed kind of event. */
    public record Listed(String type, String topic, String dataSchema) {}

    private final Map<String, Listed> byType;

    private EventCatalogue(Map<String, Listed> byType) {
        this.byType = Map.copyOf(byType);
    }

    private static final class Packaged {
        static final EventCatalogue INSTANCE = load();
    }

    /** The catalogue packaged with the platform. */
    public static EventCatalogue packaged() {
        return Packaged.INSTANCE;
    }

    private static EventCatalogue load() {
        try (InputStream in = EventCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (platform/pom.xml packages it)");
            }
            return of(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads an AsyncAPI 3 document: for every message on a channel, its {@code name} (the {@code ce_type}), the
     * channel's {@code address} (the topic) and its payload's {@code $ref} (a path relative to {@code contracts/},
     * turned into the schema's absolute {@code $id}).
     */
    public static EventCatalogue of(JsonNode asyncApi) {
        Map<String, Listed> byType = new HashMap<>();
        for (Iterator<JsonNode> channels = asyncApi.path("channels").elements(); channels.hasNext(); ) {
            JsonNode channel = channels.next();
            String topic = channel.path("address").asText();
            for (Iterator<JsonNode> refs = channel.path("messages").elements(); refs.hasNext(); ) {
                JsonNode message = asyncApi.at(refs.next().path("$ref").asText().substring(1));
                String type = message.path("name").asText();
                String payload = message.path("payload").path("$ref").asText();
                String path = payload.startsWith("./") ? payload.substring(2) : payload;
                byType.put(type, new Listed(type, topic, EventNames.SCHEMA_BASE + "contracts/" + path));
            }
        }
        return new EventCatalogue(byType);
    }

    public Optional<Listed> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Map<String, Listed> all() {
        return byType;
    }

    /** Throws unless {@code names} is listed, on its topic, with its schema. */
    public void requireListed(EventNames names) {
        Listed listed = byType.get(names.type());
        if (listed == null) {
            throw new IllegalStateException("Event " + names.type() + " is not in contracts/asyncapi.yaml: list it"
                    + " (message, channel " + names.topic() + ", payload schema " + names.dataSchema()
                    + ") before publishing it");
        }
        if (!listed.topic().equals(names.topic()) || !listed.dataSchema().equals(names.dataSchema())) {
            throw new IllegalStateException("Event " + names.type() + " is listed in contracts/asyncapi.yaml on "
                    + listed.topic() + " with " + listed.dataSchema() + ", but would be published on "
                    + names.topic() + " with " + names.dataSchema());
        }
    }
}
