package se.techtank.platform.outbox;

import java.util.regex.Pattern;

/**
 * The CloudEvents type, topic and schema of one kind of event, derived by the rules of docs/events.md. The
 * schema ({@code ce_dataschema}) is the absolute {@code $id} of the fact's JSON Schema, which lives in the
 * repository at the same path under {@code contracts/}.
 */
public record EventNames(String type, String topic, String dataSchema) {

    /** What a schema's {@code $id} starts with; the rest is its path in the repository. */
    public static final String SCHEMA_BASE = "https://api.techtank.se/";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public static EventNames of(String service, String aggregateType, String fact) {
        for (String part : new String[] {service, aggregateType, fact}) {
            if (part == null || !NAME.matcher(part).matches()) {
                throw new IllegalArgumentException(
                        "Event name parts are lower-case words with hyphens, got '" + part + "'");
            }
        }
        return new EventNames(
                "se.techtank." + service + "." + aggregateType + "." + fact,
                service + "." + aggregateType + ".v1",
                SCHEMA_BASE + "contracts/" + service + "/" + aggregateType + "." + fact + ".v1.json");
    }
}
