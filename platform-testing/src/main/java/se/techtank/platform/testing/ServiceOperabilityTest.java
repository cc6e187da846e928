package se.techtank.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator and a frontend developer rely on in every service: health, metrics, the API
 * document and its committed copy. A service's test extends it with {@code @QuarkusTest} and names
 * itself and its API's title.
 */
public abstract class ServiceOperabilityTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The service's name, e.g. {@code members-service}. */
    protected abstract String serviceName();

    /** The OpenAPI document's title, e.g. {@code Techtank members API}. */
    protected abstract String apiTitle();

    /**
     * A collection of the service's API that answers {@code GET} to staff with 200, e.g. {@code /api/v1/meetings}:
     * the CORS checks call it as a browser app on another origin would.
     */
    protected abstract String apiPath();

    /** The origin the test profile allows ({@code %test.quarkus.http.cors.origins}). */
    private static final String ALLOWED_ORIGIN = "https://www.techtank.se";

    private static final String OTHER_ORIGIN = "https://evil.example";

    @Test
    void a_preflight_from_an_allowed_origin_allows_the_methods_and_headers_the_api_needs() throws Exception {
        HttpResponse<String> preflight = preflight(ALLOWED_ORIGIN, apiPath());

        assertThat(preflight.statusCode()).isBetween(200, 299);
        HttpHeaders headers = preflight.headers();
        assertThat(headers.firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(commaSeparated(headers, "Access-Control-Allow-Methods")).contains("put", "post", "delete");
        assertThat(commaSeparated(headers, "Access-Control-Allow-Headers"))
                .contains("authorization", "if-match", "idempotency-key", "content-type");
        // Bearer tokens, no cookies: a browser must not send cookies cross-origin.
        assertThat(headers.firstValue("Access-Control-Allow-Credentials")).isNotEqualTo(Optional.of("true"));
        assertThat(headers.firstValue("Access-Control-Max-Age")).hasValue("3600");
    }

    @Test
    void a_request_from_an_allowed_origin_reaches_the_api_and_may_read_its_headers() throws Exception {
        int withoutOrigin = getApi(apiPath(), null).statusCode();
        HttpResponse<String> answer = getApi(apiPath(), ALLOWED_ORIGIN);

        assertThat(answer.statusCode()).as("the API's own answer").isEqualTo(withoutOrigin);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(commaSeparated(answer.headers(), "Access-Control-Expose-Headers"))
                .contains("etag", "location", "retry-after", "idempotent-replayed", "content-disposition");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials"))
                .isNotEqualTo(Optional.of("true"));
    }

    @Test
    void another_origin_is_refused_before_the_api() throws Exception {
        HttpResponse<String> preflight = preflight(OTHER_ORIGIN, apiPath());
        // Quarkus answers 403 and no Access-Control-Allow-Origin, so the browser never sends the request.
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();

        // A request that needs no preflight (a simple GET) is refused 403 before any resource runs.
        HttpResponse<String> answer = getApi(apiPath(), OTHER_ORIGIN);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void a_request_without_origin_is_not_a_cors_request() throws Exception {
        HttpResponse<String> answer = getApi(apiPath(), null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().map().keySet())
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
    }

    /** The browser's question before a cross-origin PUT with a token, a version and a JSON body. */
    private static HttpResponse<String> preflight(String origin, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "PUT")
                        .header("Access-Control-Request-Headers", "authorization,if-match,idempotency-key,content-type")
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A staff member's GET on the API port, with an Origin header unless {@code origin} is null. */
    private static HttpResponse<String> getApi(String path, String origin) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + TestTokens.staff());
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A comma-separated header's values, lower case (header names are case-insensitive). */
    private static List<String> commaSeparated(HttpHeaders headers, String name) {
        List<String> values = new ArrayList<>();
        for (String value : headers.allValues(name)) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    values.add(item.trim().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return values;
    }

    @Test
    void readiness_is_the_database_and_kafka_the_outbox_and_the_consumers_are_dependencies() throws Exception {
        HttpResponse<String> ready = get("/q/health/ready");
        JsonNode health = JSON.readTree(ready.body());

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        // Readiness is "can serve requests": a Kafka outage must not take the pods out of their Service.
        assertThat(checkNames(health))
                .contains("Database connections health check")
                .doesNotContain("kafka", "outbox");

        HttpResponse<String> dependencies = get("/q/health/group/dependencies");
        JsonNode group = JSON.readTree(dependencies.body());
        assertThat(dependencies.statusCode()).isEqualTo(200);
        assertThat(checkNames(group)).contains("kafka", "outbox", "inbox", "consumers");
        group.path("checks").forEach(check -> {
            if (check.path("name").asText().equals("outbox")) {
                assertThat(check.path("data").has("unsentRows")).isTrue();
            }
        });
        HttpResponse<String> live = get("/q/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(checkNames(JSON.readTree(live.body()))).contains("messaging");
        assertThat(get("/q/health/started").statusCode()).isEqualTo(200);
    }

    @Test
    void health_metrics_and_the_openapi_document_are_on_the_management_port_only() throws Exception {
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
            HttpResponse<String> onApiPort = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(onApiPort.statusCode()).as("%s on the API port", path).isEqualTo(404);
            assertThat(get(path).statusCode())
                    .as("%s on the management port", path)
                    .isEqualTo(200);
        }
    }

    private static List<String> checkNames(JsonNode health) {
        List<String> checks = new ArrayList<>();
        health.path("checks").forEach(check -> checks.add(check.path("name").asText()));
        return checks;
    }

    @Test
    void prometheus_metrics_include_the_outbox_backlog() throws Exception {
        HttpResponse<String> metrics = get("/q/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("outbox_unsent_rows", "outbox_oldest_unsent_age_seconds");
    }

    /**
     * The dashboard and the alerts (deploy/k8s/monitoring) use these metrics; a renamed or missing one
     * would leave a panel empty or an alert that never fires.
     */
    @Test
    void every_metric_the_dashboard_and_alerts_use_for_this_service_is_exposed() throws Exception {
        String service = serviceName().replace("-service", "");
        List<String> expected = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("..", "deploy", "k8s", "monitoring", "metrics.txt"))) {
            String[] fields = line.trim().split("\\s+");
            if (line.isBlank() || line.startsWith("#") || fields.length < 2) {
                continue;
            }
            if (fields[1].equals("all") || List.of(fields[1].split(",")).contains(service)) {
                expected.add(fields[0]);
            }
        }
        assertThat(expected).as("metrics of %s in metrics.txt", service).isNotEmpty();
        // One answered API request, so that the HTTP server's metrics exist.
        HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/no-such-resource"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        String metrics = get("/q/metrics").body();
        List<String> exposed = new ArrayList<>();
        metrics.lines()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .forEach(exposed::add);
        assertThat(exposed).as("metrics exposed by %s", service).containsAll(expected);
    }

    /**
     * Of the Kafka clients' own metrics only those the dashboard and the runbooks read are exported (the
     * platform's {@code KafkaClientMeters}, read by name: the platform's own tests depend on this module);
     * the binder's full set is over a thousand series per replica.
     */
    @Test
    void only_the_kafka_client_metrics_in_use_are_exported() throws Exception {
        List<String> kept = ((Set<?>) Class.forName("se.techtank.platform.metrics.KafkaClientMeters")
                        .getField("KEPT")
                        .get(null))
                .stream().map(name -> name.toString().replace('.', '_')).toList();
        List<String> exported = get("/q/metrics")
                .body()
                .lines()
                .filter(line -> line.startsWith("kafka_"))
                .map(line -> line.split("[{ ]", 2)[0])
                .distinct()
                .toList();
        assertThat(exported).as("Kafka client metrics of %s", serviceName()).isSubsetOf(kept);
    }

    /**
     * Each consumer channel is in a consumer group of its own: the channels of a group rebalance together, so
     * a replica that starts or stops would move the partitions of every channel sharing one (docs/events.md).
     */
    @Test
    void no_two_consumer_channels_share_a_group() {
        Config config = ConfigProvider.getConfig();
        String prefix = "mp.messaging.incoming.";
        String defaultGroup = config.getOptionalValue("mp.messaging.connector.smallrye-kafka.group.id", String.class)
                .orElse(serviceName());
        Map<String, List<String>> channelsByGroup = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(prefix) || !name.endsWith(".topic")) {
                continue;
            }
            String channel = name.substring(prefix.length(), name.length() - ".topic".length());
            if (!config.getOptionalValue(prefix + channel + ".enabled", Boolean.class)
                    .orElse(true)) {
                continue;
            }
            String group = config.getOptionalValue(prefix + channel + ".group.id", String.class)
                    .orElse(defaultGroup);
            channelsByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(channel);
        }
        assertThat(channelsByGroup.values())
                .as("consumer channels by group in %s", serviceName())
                .allSatisfy(channels -> assertThat(channels).hasSize(1));
    }

    @Test
    void the_openapi_document_has_a_title_contact_and_the_bearer_scheme() throws Exception {
        JsonNode document = JSON.readTree(get("/q/openapi?format=json").body());

        assertThat(document.at("/info/title").asText()).isEqualTo(apiTitle());
        assertThat(document.at("/info/version").asText()).isEqualTo("1.0.0");
        assertThat(document.at("/info/description").asText()).isNotBlank();
        assertThat(document.at("/info/contact/email").asText()).isEqualTo("info@techtank.se");
        assertThat(document.at("/components/securitySchemes/bearer/type").asText())
                .isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/bearer/bearerFormat")
                        .asText())
                .isEqualTo("JWT");
        assertThat(get("/q/swagger-ui/").statusCode()).isEqualTo(200);
    }

    @Test
    void the_committed_openapi_document_matches_the_served_one() throws Exception {
        OpenApiSnapshot.assertMatchesCommittedCopy(
                URI.create(TestManagement.url("/q/openapi")).toURL(), serviceName());
    }

    /**
     * Every field of every JSON request body, given a value of the wrong type, is answered 400 (or 422) naming
     * the field and what it must be, with no Java type, class or package name in the answer. Each case is tried
     * as staff, then as a partner, then as a member, until one is let in (path ids are random: the body is read
     * before anything is looked up).
     */
    @Test
    void a_value_of_the_wrong_type_in_any_request_field_is_a_clear_400_naming_the_field() throws Exception {
        JsonNode document = JSON.readTree(get("/q/openapi?format=json").body());
        List<WrongTypeBodies.Case> cases =
                WrongTypeBodies.of(document, java.util.UUID.randomUUID().toString());
        List<String> tokens = List.of(
                TestTokens.staff(), TestTokens.partner("iuc-syd"), TestTokens.member(java.util.UUID.randomUUID()));
        List<String> failures = new ArrayList<>();
        int answered = 0;
        for (WrongTypeBodies.Case wrong : cases) {
            HttpResponse<String> response = null;
            for (String token : tokens) {
                response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + wrong.path()))
                                .method(wrong.method(), HttpRequest.BodyPublishers.ofString(wrong.body()))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token)
                                .header(
                                        "Idempotency-Key",
                                        java.util.UUID.randomUUID().toString())
                                .header("If-Match", "\"0\"")
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() != 401 && response.statusCode() != 403) {
                    break;
                }
            }
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                failures.add(wrong + ": no test token is let in (" + status + ")");
                continue;
            }
            answered++;
            String body = response.body();
            if (status != 400 && status != 422) {
                failures.add(wrong + ": " + status + " " + body);
            } else if (!response.headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .startsWith("application/problem+json")) {
                failures.add(wrong + ": not problem+json: " + body);
            } else if (!fields(JSON.readTree(body)).contains(wrong.field())) {
                failures.add(wrong + ": the errors do not name " + wrong.field() + ": " + body);
            } else if (JAVA_NAMES.matcher(body).find()) {
                failures.add(wrong + ": a Java name in the answer: " + body);
            }
        }
        assertThat(cases).as("request fields in the API document").isNotEmpty();
        assertThat(failures)
                .as("of " + cases.size() + " wrong-type cases (" + answered + " answered)")
                .isEmpty();
    }

    /**
     * A problem answer is in Swedish when the client prefers Swedish to English, with the same {@code type};
     * English otherwise; each says its language and varies by {@code Accept-Language}.
     */
    @Test
    void problems_are_in_swedish_when_the_client_prefers_swedish() throws Exception {
        HttpResponse<String> swedish = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/no-such-resource"))
                        .header("Accept-Language", "sv-SE,sv;q=0.9,en;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> english = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/no-such-resource"))
                        .header("Accept-Language", "en-GB,en;q=0.9,sv;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        JsonNode inSwedish = JSON.readTree(swedish.body());
        JsonNode inEnglish = JSON.readTree(english.body());
        assertThat(swedish.statusCode()).isEqualTo(404);
        assertThat(inSwedish.path("type").asText())
                .isEqualTo(inEnglish.path("type").asText());
        assertThat(inSwedish.path("title").asText()).isEqualTo("Hittades inte");
        assertThat(inSwedish.path("detail").asText()).isEqualTo("Det finns ingen resurs på den här sökvägen.");
        assertThat(swedish.headers().firstValue("Content-Language")).hasValue("sv");
        assertThat(inEnglish.path("title").asText()).isEqualTo("Not found");
        assertThat(english.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(commaSeparated(swedish.headers(), "Vary")).contains("accept-language");

        // A field error, as a browser in Sweden sends it.
        WrongTypeBodies.Case wrong = WrongTypeBodies.of(
                        JSON.readTree(get("/q/openapi?format=json").body()),
                        java.util.UUID.randomUUID().toString())
                .get(0);
        HttpResponse<String> field = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + wrong.path()))
                        .method(wrong.method(), HttpRequest.BodyPublishers.ofString(wrong.body()))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TestTokens.staff())
                        .header("Accept-Language", "sv")
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode problem = JSON.readTree(field.body());
        assertThat(problem.path("title").asText()).as(field.body()).isEqualTo("Felaktig JSON");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(wrong.field());
        assertThat(problem.path("errors").get(0).path("message").asText()).startsWith("måste vara ");
    }

    /** What must never reach a client: Java packages, exception and class names, Jackson's wording. */
    private static final java.util.regex.Pattern JAVA_NAMES = java.util.regex.Pattern.compile(
            "\\b(java|javax|jakarta|com\\.fasterxml|org\\.hibernate|se\\.techtank)\\.|Exception|Cannot deserialize"
                    + "|\\b(LocalDate|LocalDateTime|OffsetDateTime|Instant|Integer|Long|Boolean|String|BigDecimal|ArrayList"
                    + "|LinkedHashMap)\\b");

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    /** A management endpoint: health, metrics, the OpenAPI document. */
    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(TestManagement.url(path))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The running application under test, as Quarkus publishes it ({@code test.url}). */
    private static String baseUrl() {
        return ConfigProvider.getConfig().getValue("test.url", String.class);
    }
}
