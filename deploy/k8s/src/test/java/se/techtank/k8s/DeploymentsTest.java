package se.techtank.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What every service's pods must have, in both overlays. */
class DeploymentsTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    /** Quarkus' graceful shutdown (quarkus.shutdown.timeout) the grace period must leave room for. */
    static final int SHUTDOWN_SECONDS = 30;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void one_deployment_per_service(String overlay) {
        assertThat(Rendered.ofKind(overlay, "Deployment").stream().map(Rendered::name))
                .containsExactlyInAnyOrderElementsOf(
                        Rendered.SERVICES.stream().map(s -> s + "-service").collect(Collectors.toList()));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void probes_use_the_health_endpoints_on_the_management_port(String overlay) {
        for (JsonNode deployment : Rendered.ofKind(overlay, "Deployment")) {
            JsonNode container = container(deployment);
            String where = overlay + " " + Rendered.name(deployment);
            assertThat(port(container, "management"))
                    .as(where + " port management")
                    .isEqualTo(9000);
            assertThat(port(container, "http")).as(where + " port http").isEqualTo(8080);
            assertProbe(where, container.path("startupProbe"), "/q/health/started");
            assertProbe(where, container.path("livenessProbe"), "/q/health/live");
            assertProbe(where, container.path("readinessProbe"), "/q/health/ready");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void resources_are_requested_and_limited(String overlay) {
        for (JsonNode deployment : Rendered.ofKind(overlay, "Deployment")) {
            JsonNode resources = container(deployment).path("resources");
            String where = overlay + " " + Rendered.name(deployment);
            assertThat(resources.path("requests").path("cpu").asText())
                    .as(where)
                    .isNotEmpty();
            assertThat(resources.path("requests").path("memory").asText())
                    .as(where)
                    .isNotEmpty();
            assertThat(resources.path("limits").path("memory").asText())
                    .as(where + ": the JVM sizes its heap from the memory limit")
                    .isEqualTo("384Mi");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void pods_run_locked_down(String overlay) {
        for (JsonNode deployment : Rendered.ofKind(overlay, "Deployment")) {
            String where = overlay + " " + Rendered.name(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode container = container(deployment);
            JsonNode security = container.path("securityContext");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()
                            || security.path("runAsNonRoot").asBoolean())
                    .as(where + " runAsNonRoot")
                    .isTrue();
            assertThat(pod.path("securityContext")
                                    .path("seccompProfile")
                                    .path("type")
                                    .asText()
                            + security.path("seccompProfile").path("type").asText())
                    .as(where + " seccompProfile")
                    .isEqualTo("RuntimeDefault");
            assertThat(security.path("readOnlyRootFilesystem").asBoolean())
                    .as(where)
                    .isTrue();
            assertThat(security.path("allowPrivilegeEscalation").isBoolean()
                            && !security.path("allowPrivilegeEscalation").asBoolean())
                    .as(where + " allowPrivilegeEscalation false")
                    .isTrue();
            assertThat(texts(security.path("capabilities").path("drop")))
                    .as(where)
                    .contains("ALL");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
                    .as(where)
                    .isFalse();
            String account = pod.path("serviceAccountName").asText();
            JsonNode serviceAccount = Rendered.required(overlay, "ServiceAccount", account);
            assertThat(serviceAccount.path("automountServiceAccountToken").asBoolean(true))
                    .as(where + " ServiceAccount " + account)
                    .isFalse();
            // The read-only root leaves /tmp as the one writable place.
            String tmpVolume = mountAt(container, "/tmp");
            assertThat(tmpVolume).as(where + " volume at /tmp").isNotNull();
            assertThat(volume(pod, tmpVolume).has("emptyDir"))
                    .as(where + " /tmp is an emptyDir")
                    .isTrue();
            assertThat(pod.path("topologySpreadConstraints").size()).as(where).isPositive();
            assertThat(container.path("image").asText())
                    .as(where + " image with a tag set by the overlay")
                    .matches("techtank/" + Rendered.name(deployment) + ":[\\w.-]+")
                    .doesNotEndWith(":latest");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void shutdown_is_graceful(String overlay) {
        for (JsonNode deployment : Rendered.ofKind(overlay, "Deployment")) {
            String where = overlay + " " + Rendered.name(deployment);
            JsonNode preStop = container(deployment).path("lifecycle").path("preStop");
            int sleep = preStop.path("sleep").path("seconds").asInt(0);
            assertThat(sleep).as(where + " preStop sleep").isGreaterThanOrEqualTo(5);
            assertThat(deployment
                            .path("spec")
                            .path("template")
                            .path("spec")
                            .path("terminationGracePeriodSeconds")
                            .asInt(30))
                    .as(where + " terminationGracePeriodSeconds > preStop + shutdown")
                    .isGreaterThan(sleep + SHUTDOWN_SECONDS);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void each_deployment_has_a_disruption_budget_and_an_autoscaler(String overlay) {
        for (JsonNode deployment : Rendered.ofKind(overlay, "Deployment")) {
            String name = Rendered.name(deployment);
            JsonNode labels =
                    deployment.path("spec").path("template").path("metadata").path("labels");
            assertThat(Rendered.ofKind(overlay, "PodDisruptionBudget").stream()
                            .filter(pdb -> selects(pdb.path("spec").path("selector"), labels)))
                    .as(overlay + " PodDisruptionBudget of " + name)
                    .hasSize(1);
            JsonNode hpa = Rendered.required(overlay, "HorizontalPodAutoscaler", name);
            assertThat(hpa.path("spec").path("scaleTargetRef").path("kind").asText())
                    .isEqualTo("Deployment");
            assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText())
                    .isEqualTo(name);
            assertThat(deployment.path("spec").has("replicas"))
                    .as(overlay + " " + name + ": the HPA owns the replicas")
                    .isFalse();
        }
    }

    /** Production survives a node: two replicas at least; a consuming service no more than its partitions. */
    @Test
    void production_runs_two_replicas_and_no_more_consumers_than_partitions() {
        Set<String> consumers = Set.of("events-service", "programmes-service", "notifications-service");
        for (JsonNode hpa : Rendered.ofKind("production", "HorizontalPodAutoscaler")) {
            String name = Rendered.name(hpa);
            assertThat(hpa.path("spec").path("minReplicas").asInt(1)).as(name).isGreaterThanOrEqualTo(2);
            if (consumers.contains(name)) {
                assertThat(hpa.path("spec").path("maxReplicas").asInt())
                        .as(name + ": replicas beyond the 3 partitions would idle as consumers")
                        .isLessThanOrEqualTo(3);
            }
        }
        for (JsonNode hpa : Rendered.ofKind("dev", "HorizontalPodAutoscaler")) {
            assertThat(hpa.path("spec").path("maxReplicas").asInt())
                    .as("dev " + Rendered.name(hpa))
                    .isEqualTo(1);
        }
    }

    static JsonNode container(JsonNode deployment) {
        JsonNode containers =
                deployment.path("spec").path("template").path("spec").path("containers");
        assertThat(containers.size())
                .as(Rendered.name(deployment) + " containers")
                .isEqualTo(1);
        return containers.get(0);
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        var fields = selector.path("matchLabels").fields();
        boolean any = false;
        while (fields.hasNext()) {
            var entry = fields.next();
            any = true;
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return any;
    }

    private static void assertProbe(String where, JsonNode probe, String path) {
        assertThat(probe.path("httpGet").path("path").asText())
                .as(where + " probe path")
                .isEqualTo(path);
        assertThat(probe.path("httpGet").path("port").asText())
                .as(where + " " + path + " port")
                .isIn("management", "9000");
    }

    private static int port(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (name.equals(port.path("name").asText())) {
                return port.path("containerPort").asInt();
            }
        }
        return -1;
    }

    private static String mountAt(JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (path.equals(mount.path("mountPath").asText())) {
                return mount.path("name").asText();
            }
        }
        return null;
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (name.equals(volume.path("name").asText())) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
