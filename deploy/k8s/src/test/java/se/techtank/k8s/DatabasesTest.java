package se.techtank.k8s;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each service has its own CloudNativePG cluster, and reads its credentials from that cluster's app secret. */
class DatabasesTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void each_service_has_its_cluster_and_reads_its_secret(String overlay) {
        assertThat(Rendered.ofKind(overlay, "Cluster")).hasSize(Rendered.SERVICES.size());
        for (String service : Rendered.SERVICES) {
            JsonNode cluster = Rendered.required(overlay, "Cluster", service + "-db");
            JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
            assertThat(initdb.path("database").asText()).as(service).isEqualTo(service);
            assertThat(initdb.path("owner").asText()).as(service).isEqualTo(service);

            JsonNode deployment = Rendered.required(overlay, "Deployment", service + "-service");
            JsonNode container = DeploymentsTest.container(deployment);
            for (String variable : List.of("DB_USER", "DB_PASSWORD")) {
                JsonNode ref = env(container, variable).path("valueFrom").path("secretKeyRef");
                assertThat(ref.path("name").asText())
                        .as(overlay + " " + service + " " + variable)
                        .isEqualTo(service + "-db-app");
            }
            JsonNode configMap = Rendered.required(overlay, "ConfigMap", service + "-service");
            assertThat(configMap.path("data").path("DB_URL").asText())
                    .as(overlay + " " + service + " DB_URL: the cluster's read-write service and database")
                    .isEqualTo("jdbc:postgresql://" + service + "-db-rw:5432/" + service);
        }
    }

    @Test
    void production_has_three_instances_and_daily_backups() {
        for (String service : Rendered.SERVICES) {
            JsonNode cluster = Rendered.required("production", "Cluster", service + "-db");
            assertThat(cluster.path("spec").path("instances").asInt())
                    .as(service)
                    .isEqualTo(3);
            JsonNode plugin = cluster.path("spec").path("plugins").path(0);
            assertThat(plugin.path("isWALArchiver").asBoolean())
                    .as(service + " WAL archiving")
                    .isTrue();
            String store = plugin.path("parameters").path("barmanObjectName").asText();
            assertThat(Rendered.named("production", "ObjectStore", store))
                    .as(service + " " + store)
                    .isPresent();
            assertThat(Rendered.ofKind("production", "ScheduledBackup").stream()
                            .filter(b -> b.path("spec")
                                    .path("cluster")
                                    .path("name")
                                    .asText()
                                    .equals(service + "-db")))
                    .as(service + " ScheduledBackup")
                    .hasSize(1);
            assertThat(Rendered.required("dev", "Cluster", service + "-db")
                            .path("spec")
                            .path("instances")
                            .asInt())
                    .isEqualTo(1);
        }
    }

    static JsonNode env(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (name.equals(env.path("name").asText())) {
                return env;
            }
        }
        throw new AssertionError("no env " + name);
    }
}
