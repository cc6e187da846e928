package se.techtank.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ingress routes every path of docs/api/*.openapi.yaml to the service that serves it, and nothing of /q. */
class IngressTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    record Route(String path, String pathType, String service, String port) {}

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_api_path_goes_to_its_owner(String overlay) throws IOException {
        List<Route> routes = routes(overlay);
        Map<String, String> owners = openApiPaths();
        assertThat(owners).isNotEmpty();
        List<String> wrong = new ArrayList<>();
        owners.forEach((path, owner) -> {
            List<Route> chosen = chosen(routes, path);
            if (chosen.size() != 1 || !chosen.get(0).service().equals(owner)) {
                wrong.add(path + " (" + owner + ") -> " + chosen);
            }
        });
        assertThat(wrong).as("paths not routed to exactly their owner").isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void nothing_of_q_and_never_the_management_port(String overlay) {
        List<Route> routes = routes(overlay);
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui", "/")) {
            assertThat(chosen(routes, path)).as(path + " routed").isEmpty();
        }
        for (Route route : routes) {
            assertThat(route.pathType()).as(route.path()).isEqualTo("Prefix");
            assertThat(route.path()).as(route.path()).startsWith("/api/v1/");
            assertThat(route.port())
                    .as(route.path() + ": the Service's API port")
                    .isEqualTo("http");
            JsonNode service = Rendered.required(overlay, "Service", route.service());
            for (JsonNode port : service.path("spec").path("ports")) {
                if (port.path("name").asText().equals("http")) {
                    assertThat(port.path("port").asInt()).isEqualTo(8080);
                }
            }
        }
    }

    /** The routes that win for {@code path}: Prefix matches element-wise, and the longest match wins. */
    static List<Route> chosen(List<Route> routes, String path) {
        List<Route> matching = routes.stream()
                .filter(route -> prefixMatches(route.path(), path))
                .toList();
        int longest = matching.stream().mapToInt(r -> r.path().length()).max().orElse(-1);
        return matching.stream().filter(r -> r.path().length() == longest).toList();
    }

    static boolean prefixMatches(String prefix, String path) {
        String[] p = Arrays.stream(prefix.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        String[] q = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        if (p.length > q.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (!p[i].equals(q[i])) {
                return false;
            }
        }
        return true;
    }

    static List<Route> routes(String overlay) {
        List<Route> routes = new ArrayList<>();
        List<JsonNode> ingresses = Rendered.ofKind(overlay, "Ingress");
        assertThat(ingresses).hasSize(1);
        for (JsonNode rule : ingresses.get(0).path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode service = path.path("backend").path("service");
                routes.add(new Route(
                        path.path("path").asText(),
                        path.path("pathType").asText(),
                        service.path("name").asText(),
                        service.path("port")
                                .path("name")
                                .asText(service.path("port").path("number").asText())));
            }
        }
        return routes;
    }

    /** Each path of the OpenAPI documents with its owner, {@code <name>-service} from the document's file name. */
    static Map<String, String> openApiPaths() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> files = Files.list(Rendered.repoDir().resolve("docs/api"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".openapi.yaml")).toList()) {
                String service = file.getFileName().toString().replace(".openapi.yaml", "");
                Rendered.YAML.readTree(file.toFile()).path("paths").fieldNames().forEachRemaining(path -> {
                    String previous = owners.put(path, service);
                    assertThat(previous).as(path + " in two documents").isNull();
                });
            }
        }
        return owners;
    }
}
