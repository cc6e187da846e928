package se.techtank.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts link their runbook in docs/operations.md, the dashboard is loadable, and monitoring/metrics.txt
 * lists exactly the metrics they use (a test of the services checks that each is exposed).
 */
class MonitoringTest {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");

    /** PromQL words that are not metric names. */
    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "and",
            "or",
            "unless",
            "offset",
            "inf",
            "nan");

    @Test
    void every_alert_has_a_runbook_section_in_operations_md() throws IOException {
        String operations = Files.readString(Rendered.repoDir().resolve("docs/operations.md"));
        Set<String> anchors = anchors(operations);
        List<String> missing = new ArrayList<>();
        for (JsonNode rule : rules()) {
            String url = rule.path("annotations").path("runbook_url").asText();
            assertThat(url).as(rule.path("alert").asText()).contains("docs/operations.md#");
            String anchor = url.substring(url.indexOf('#') + 1);
            if (!anchors.contains(anchor)) {
                missing.add(rule.path("alert").asText() + " -> #" + anchor);
            }
            assertThat(rule.path("labels").path("severity").asText()).isIn("warning", "critical");
        }
        assertThat(missing)
                .as("runbook anchors not in docs/operations.md " + anchors)
                .isEmpty();
    }

    @Test
    void metrics_txt_lists_exactly_the_metrics_used() throws IOException {
        Set<String> used = new TreeSet<>();
        for (JsonNode rule : rules()) {
            used.addAll(metrics(rule.path("expr").asText()));
        }
        for (JsonNode panel : dashboard().path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                used.addAll(metrics(target.path("expr").asText()));
            }
        }
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(Rendered.k8sDir().resolve("monitoring/metrics.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                listed.add(line.trim().split("\\s+")[0]);
            }
        }
        assertThat(listed).isEqualTo(used);
    }

    @Test
    void the_dashboard_is_a_configmap_for_grafana() throws IOException {
        for (String overlay : Rendered.OVERLAYS) {
            JsonNode configMap = Rendered.required(overlay, "ConfigMap", "techtank-dashboard");
            assertThat(configMap
                            .path("metadata")
                            .path("labels")
                            .path("grafana_dashboard")
                            .asText())
                    .isEqualTo("1");
            assertThat(dashboard().path("panels").size()).isGreaterThanOrEqualTo(10);
            assertThat(Rendered.ofKind(overlay, "ServiceMonitor")).hasSize(Rendered.SERVICES.size());
            for (JsonNode monitor : Rendered.ofKind(overlay, "ServiceMonitor")) {
                JsonNode endpoint = monitor.path("spec").path("endpoints").path(0);
                assertThat(endpoint.path("port").asText()).isEqualTo("management");
                assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
            }
        }
    }

    @Test
    void metric_names_are_found_in_promql() {
        assertThat(metrics("sum by (service, le) (rate(http_server_requests_seconds_bucket{uri!~\"/q/.*\"}[5m])) > 1"))
                .containsExactly("http_server_requests_seconds_bucket");
    }

    static Set<String> metrics(String expr) {
        String stripped = expr.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*\\}", "")
                .replaceAll("\\[[^\\]]*\\]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(stripped);
        while (matcher.find()) {
            String token = matcher.group();
            if (token.endsWith("(") || KEYWORDS.contains(token.toLowerCase(Locale.ROOT))) {
                continue;
            }
            names.add(token);
        }
        return names;
    }

    /** GitHub's anchors of the Markdown headings: lower case, punctuation dropped, spaces to hyphens. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    static List<JsonNode> rules() {
        List<JsonNode> rules = new ArrayList<>();
        JsonNode rule = Rendered.required("production", "PrometheusRule", "techtank");
        rule.path("spec").path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        assertThat(rules).isNotEmpty();
        return rules;
    }

    static JsonNode dashboard() throws IOException {
        JsonNode configMap = Rendered.required("production", "ConfigMap", "techtank-dashboard");
        return new ObjectMapper()
                .readTree(configMap.path("data").path("techtank-services.json").asText());
    }
}
