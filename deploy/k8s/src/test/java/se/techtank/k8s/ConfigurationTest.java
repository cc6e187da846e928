package se.techtank.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every variable the Deployments set is documented in docs/configuration.md: no setting the services ignore. */
class ConfigurationTest {

    static final List<String> OVERLAYS = Rendered.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_variable_set_is_documented(String overlay) throws IOException {
        String documentation = Files.readString(Rendered.repoDir().resolve("docs/configuration.md"));
        Set<String> undocumented = new TreeSet<>();
        for (String variable : variables(overlay)) {
            if (!documentation.contains("`" + variable + "`")) {
                undocumented.add(variable);
            }
        }
        assertThat(undocumented)
                .as("variables set but not in docs/configuration.md")
                .isEmpty();
    }

    /** The names of env entries and of the keys of the ConfigMaps and Secrets read with envFrom. */
    static Set<String> variables(String overlay) {
        Set<String> variables = new TreeSet<>();
        for (JsonNode deployment : Rendered.ofKind(overlay, "Deployment")) {
            JsonNode container = DeploymentsTest.container(deployment);
            container.path("env").forEach(env -> variables.add(env.path("name").asText()));
            for (JsonNode from : container.path("envFrom")) {
                String configMap = from.path("configMapRef").path("name").asText(null);
                assertThat(configMap)
                        .as(Rendered.name(deployment) + ": envFrom only from ConfigMaps in the manifests")
                        .isNotNull();
                Rendered.required(overlay, "ConfigMap", configMap)
                        .path("data")
                        .fieldNames()
                        .forEachRemaining(variables::add);
            }
        }
        return variables;
    }
}
