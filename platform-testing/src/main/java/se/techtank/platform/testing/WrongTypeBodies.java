package se.techtank.platform.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * From a served OpenAPI document: for every operation with a JSON request body, one body per field of its
 * schema (nested objects and the objects in lists too) in which that field, and only it, has a value of the
 * wrong type, with the field's path as the API names it in {@code errors[].field} ({@code venue.name},
 * {@code coOrganisers[0].name}).
 */
public final class WrongTypeBodies {

    /** One request: {@code field} has {@code value}, of the wrong type for {@code expected}. */
    public record Case(String method, String path, String field, String expected, String body) {

        @Override
        public String toString() {
            return method + " " + path + " " + field + " (" + expected + ") = " + body;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");
    private static final int MAX_DEPTH = 4;

    private final JsonNode document;

    private WrongTypeBodies(JsonNode document) {
        this.document = document;
    }

    /** Every case of {@code document} (an OpenAPI document as JSON); path parameters filled with {@code id}. */
    public static List<Case> of(JsonNode document, String id) {
        return new WrongTypeBodies(document).cases(id);
    }

    private List<Case> cases(String id) {
        List<Case> cases = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String concretePath = PATH_PARAMETER.matcher(path.getKey()).replaceAll(id);
            for (Iterator<Map.Entry<String, JsonNode>> operations =
                            path.getValue().fields();
                    operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                JsonNode schema = operation
                        .getValue()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                if (schema.isMissingNode()) {
                    continue;
                }
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                collect(
                        resolve(schema),
                        "",
                        0,
                        (field, expected, wrong) ->
                                cases.add(new Case(method, concretePath, field, expected, body(field, wrong))));
            }
        }
        return cases;
    }

    @FunctionalInterface
    private interface Sink {
        void add(String field, String expected, JsonNode wrong);
    }

    private void collect(JsonNode schema, String prefix, int depth, Sink sink) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> properties =
                        schema.path("properties").fields();
                properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            String field = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            JsonNode value = resolve(property.getValue());
            String type = type(value);
            switch (type) {
                case "object" -> {
                    if (value.has("properties")) {
                        sink.add(field, "an object", NODES.numberNode(5));
                        collect(value, field, depth + 1, sink);
                    }
                }
                case "array" -> {
                    sink.add(field, "a list", object());
                    JsonNode items = resolve(value.path("items"));
                    if ("object".equals(type(items)) && items.has("properties")) {
                        collect(items, field + "[0]", depth + 1, sink);
                    }
                }
                case "integer", "number" -> sink.add(field, "a number", NODES.textNode("abc"));
                case "boolean" -> sink.add(field, "true or false", NODES.textNode("maybe"));
                case "string" -> {
                    if (value.has("enum")) {
                        sink.add(field, "one of the listed values", NODES.textNode("NOT_ONE_OF_THEM"));
                    } else if (value.has("format")
                            && !"email".equals(value.get("format").asText())) {
                        sink.add(field, "a " + value.get("format").asText(), NODES.textNode("not-a-value"));
                    } else {
                        sink.add(field, "a string", object());
                    }
                }
                default -> {
                    // No type (any JSON): nothing is of the wrong type.
                }
            }
        }
    }

    private static ObjectNode object() {
        ObjectNode object = NODES.objectNode();
        object.put("a", 1);
        return object;
    }

    /** The body with {@code wrong} at {@code field} ({@code a.b[0].c}) and nothing else. */
    private static String body(String field, JsonNode wrong) {
        ObjectNode root = NODES.objectNode();
        JsonNode container = root;
        String[] steps = field.split("\\.");
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            boolean inList = step.endsWith("[0]");
            String name = inList ? step.substring(0, step.length() - 3) : step;
            boolean last = i == steps.length - 1;
            if (last) {
                ((ObjectNode) container).set(name, wrong);
            } else if (inList) {
                ArrayNode list = ((ObjectNode) container).putArray(name);
                container = list.addObject();
            } else {
                container = ((ObjectNode) container).putObject(name);
            }
        }
        try {
            return new ObjectMapper().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema itself, or what its {@code $ref} (or a single {@code allOf}/{@code anyOf} member) names. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10; i++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                current = document.at(ref.substring(1));
            } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                current = current.get("allOf").get(0);
            } else if (current.has("anyOf") && nonNull(current.get("anyOf")) != null) {
                current = nonNull(current.get("anyOf"));
            } else {
                return current;
            }
        }
        return current;
    }

    private static JsonNode nonNull(JsonNode alternatives) {
        JsonNode found = null;
        for (JsonNode alternative : alternatives) {
            if (!"null".equals(alternative.path("type").asText())) {
                if (found != null) {
                    return null;
                }
                found = alternative;
            }
        }
        return found;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asText())) {
                    return each.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "";
    }
}
