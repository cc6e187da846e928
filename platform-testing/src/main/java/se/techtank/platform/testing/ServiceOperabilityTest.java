package se.techtank.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
