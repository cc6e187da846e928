package se.techtank.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the committed OpenAPI documents ({@code docs/api/*.openapi.yaml}) usable by client code generators:
 * they name methods after {@code operationId}s, types after component schemas, and take parameter types
 * from the schema. The snapshot tests only check that a document is what the service serves; this checks
 * what is in it, and across the services, since a client may combine them.
 */
class OpenApiLintTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final String SCHEMA_REF = "#/components/schemas/";

    /** lowerCamelCase with a verb and at least one more word: {@code listCompanies}, {@code getCompany}. */
    private static final Pattern OPERATION_ID = Pattern.compile("([a-z]+)([A-Z][a-z0-9]*)+");

    /**
     * The verbs an operationId may start with. A generated client reads {@code client.listMeetings()}; a
     * noun first ({@code meetingList}) or a made-up verb reads badly there, and one verb per meaning keeps
     * the services alike ({@code update}, never {@code change}); a new verb is a deliberate addition.
     */
    private static final Set<String> VERBS = Set.of(
            "apply",
            "approve",
            "archive",
            "cancel",
            "check",
            "close",
            "complete",
            "create",
            "decline",
            "delete",
            "enroll",
            "erase",
            "export",
            "get",
            "import",
            "link",
            "list",
            "log",
            "open",
            "ping",
            "preview",
            "publish",
            "register",
            "reject",
            "renew",
            "resume",
            "retry",
            "rotate",
            "suspend",
            "terminate",
            "unsubscribe",
            "update",
            "waitlist",
            "withdraw");

    @Test
    void the_committed_documents_are_fit_for_code_generators() throws IOException {
        Map<String, JsonNode> documents = committedDocuments();
        assertThat(documents).as("documents in docs/api").isNotEmpty();

        List<String> violations = new ArrayList<>();
        Map<String, String> operationIds = new HashMap<>();
        documents.forEach((name, document) -> {
            violations.addAll(violations(name, document));
            operations(document).forEach((where, operation) -> {
                String id = operation.path("operationId").asString("");
                String previous = id.isEmpty() ? null : operationIds.putIfAbsent(id, name + " " + where);
                if (previous != null) {
                    violations.add(name + " " + where + ": operationId " + id + " is also " + previous);
                }
            });
        });

        assertThat(violations).as("OpenAPI rule violations").isEmpty();
    }

    @Test
    void each_rule_finds_its_violation() {
        JsonNode document = YAML.readTree("""
                openapi: 3.1.0
                paths:
                  /a:
                    get:
                      parameters:
                      - name: page
                        in: query
                        schema: {type: string}
                      - $ref: '#/components/parameters/Size'
                      responses:
                        '200':
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Thing1'}
                    post:
                      operationId: thingCreate
                      responses:
                        '201': {description: Created}
                        '429': {description: Too many}
                    put:
                      operationId: updateThing
                      parameters:
                      - {name: If-Match, in: header, schema: {type: string}}
                      - {name: If-None-Match, in: header, schema: {type: string}}
                      responses:
                        '200': {description: Changed}
                        '428': {description: If-Match missing}
                components:
                  parameters:
                    Size: {name: size, in: query, schema: {type: string}}
                  schemas:
                    Thing1:
                      properties:
                        part: {$ref: '#/components/schemas/Part'}
                    Part: {type: string}
                    Page: {type: object}
                """);

        assertThat(violations("test", document))
                .containsExactlyInAnyOrder(
                        "test GET /a: no operationId",
                        "test POST /a: operationId thingCreate is not a verb and a noun in camelCase",
                        "test GET /a: parameter page is not an integer",
                        "test GET /a: parameter size is not an integer",
                        "test POST /a: 201 without a Location header",
                        "test POST /a: 429 without a Retry-After header",
                        "test PUT /a: takes If-Match but its 200 declares no ETag",
                        "test PUT /a: answers 428 but If-Match is not a required parameter",
                        "test PUT /a: takes If-None-Match but declares no 304 or no ETag",
                        "test: no servers (the local stack's address at least)",
                        "test: schema Thing1 ends in a digit (a duplicate name made unique?)",
                        "test: schema Page is never referenced");
    }

    @Test
    void a_conforming_document_has_no_violations() {
        JsonNode document = YAML.readTree("""
                openapi: 3.1.0
                servers:
                - url: http://localhost:8081
                paths:
                  /a:
                    get:
                      operationId: listThings
                      parameters:
                      - {name: page, in: query, schema: {type: integer, minimum: 0}}
                      - {name: size, in: query, schema: {type: [integer, 'null']}}
                      responses:
                        '200':
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Thing'}
                components:
                  schemas:
                    Thing:
                      properties:
                        part: {$ref: '#/components/schemas/Part'}
                    Part: {type: string}
                """);

        assertThat(violations("test", document)).isEmpty();
    }

    private static Map<String, JsonNode> committedDocuments() throws IOException {
        Path folder = Contracts.root().resolve("docs/api");
        Map<String, JsonNode> documents = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".openapi.yaml"))
                    .toList()) {
                documents.put(file.getFileName().toString(), YAML.readTree(file.toFile()));
            }
        }
        return documents;
    }

    /** The rules that hold within one document. */
    static List<String> violations(String name, JsonNode document) {
        List<String> violations = new ArrayList<>();
        operations(document).forEach((where, operation) -> {
            String id = operation.path("operationId").asString("");
            if (id.isEmpty()) {
                violations.add(name + " " + where + ": no operationId");
            } else {
                var matcher = OPERATION_ID.matcher(id);
                if (!matcher.matches() || !VERBS.contains(matcher.group(1))) {
                    violations.add(
                            name + " " + where + ": operationId " + id + " is not a verb and a noun in camelCase");
                }
            }
            for (Map.Entry<String, JsonNode> response :
                    operation.path("responses").properties()) {
                String status = response.getKey();
                JsonNode headers = resolve(document, response.getValue()).path("headers");
                if (status.equals("201") && !headers.has("Location")) {
                    violations.add(name + " " + where + ": 201 without a Location header");
                }
                if ((status.equals("429") || status.equals("503")) && !headers.has("Retry-After")) {
                    violations.add(name + " " + where + ": " + status + " without a Retry-After header");
                }
            }
            JsonNode ok = resolve(document, operation.path("responses").path("200"));
            // 428 means the operation refuses a request without If-Match: generated clients must make it required.
            if (operation.path("responses").has("428")) {
                boolean required = false;
                for (JsonNode parameter : operation.path("parameters")) {
                    JsonNode resolved = resolve(document, parameter);
                    required |= "header".equals(resolved.path("in").asString(""))
                            && resolved.path("name").asString("").equalsIgnoreCase("If-Match")
                            && resolved.path("required").asBoolean(false);
                }
                if (!required) {
                    violations.add(name + " " + where + ": answers 428 but If-Match is not a required parameter");
                }
            }
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode resolved = resolve(document, parameter);
                String parameterName = resolved.path("name").asString("");
                boolean header = "header".equals(resolved.path("in").asString(""));
                // A version sent back in If-Match, or a tag in If-None-Match, must be one the client can read.
                if (header
                        && parameterName.equalsIgnoreCase("If-Match")
                        && !ok.isMissingNode()
                        && !ok.path("headers").has("ETag")) {
                    violations.add(name + " " + where + ": takes If-Match but its 200 declares no ETag");
                }
                if (header
                        && parameterName.equalsIgnoreCase("If-None-Match")
                        && (!operation.path("responses").has("304")
                                || !ok.path("headers").has("ETag"))) {
                    violations.add(name + " " + where + ": takes If-None-Match but declares no 304 or no ETag");
                }
                if ((parameterName.equals("page") || parameterName.equals("size"))
                        && "query".equals(resolved.path("in").asString(""))
                        && !isInteger(resolve(document, resolved.path("schema")))) {
                    violations.add(name + " " + where + ": parameter " + parameterName + " is not an integer");
                }
            }
        });
        if (document.path("servers").isEmpty()) {
            violations.add(name + ": no servers (the local stack's address at least)");
        }
        Set<String> schemas =
                new TreeSet<>(document.path("components").path("schemas").propertyNames());
        for (String schema : schemas) {
            if (Character.isDigit(schema.charAt(schema.length() - 1))) {
                violations.add(name + ": schema " + schema + " ends in a digit (a duplicate name made unique?)");
            }
        }
        Set<String> referenced = referencedSchemas(document);
        for (String schema : schemas) {
            if (!referenced.contains(schema)) {
                violations.add(name + ": schema " + schema + " is never referenced");
            }
        }
        return violations;
    }

    /** {@code "GET /api/v1/companies"} → the operation, in document order. */
    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (HTTP_METHODS.contains(operation.getKey())) {
                    operations.put(
                            operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue());
                }
            }
        }
        return operations;
    }

    private static boolean isInteger(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (one.asString("").equals("integer")) {
                    return true;
                }
            }
            return false;
        }
        return type.asString("").equals("integer");
    }

    /** Follows a local {@code $ref} ({@code #/components/…}); anything else is returned as it is. */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        return resolve(document, document.at(ref.substring(1)));
    }

    /**
     * The component schemas reachable from the rest of the document (paths, responses, parameters, …),
     * directly or through other schemas. A schema that refers only to itself, or is referred to only by
     * unreachable schemas, is unused.
     */
    private static Set<String> referencedSchemas(JsonNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        for (Map.Entry<String, JsonNode> top : document.properties()) {
            if (top.getKey().equals("components")) {
                for (Map.Entry<String, JsonNode> kind : top.getValue().properties()) {
                    if (!kind.getKey().equals("schemas")) {
                        collectRefs(kind.getValue(), pending);
                    }
                }
            } else {
                collectRefs(top.getValue(), pending);
            }
        }
        while (!pending.isEmpty()) {
            String schema = pending.pop();
            if (reached.add(schema)) {
                collectRefs(schemas.path(schema), pending);
            }
        }
        return reached;
    }

    private static void collectRefs(JsonNode node, Deque<String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")
                        && field.getValue().asString("").startsWith(SCHEMA_REF)) {
                    into.push(field.getValue().asString("").substring(SCHEMA_REF.length()));
                } else {
                    collectRefs(field.getValue(), into);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collectRefs(element, into);
            }
        }
    }
}
