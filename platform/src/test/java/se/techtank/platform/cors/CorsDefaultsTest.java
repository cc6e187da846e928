package se.techtank.platform.cors;

import java.net.URL;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployed service allows no other origin until CORS_ORIGINS names one. Quarkus' CORS filter treats absent
 * origins as "same origin only" (a 403 for any other); it must not see a list, least of all {@code *}.
 * The CORS tests of ServiceOperabilityTest check the filter itself with the test profile's origin.
 */
class CorsDefaultsTest {

    @Test
    void without_cors_origins_a_deployed_service_allows_no_other_origin() throws Exception {
        assertThat(platformDefaults("prod", Map.of()).getOptionalValues("quarkus.http.cors.origins", String.class))
                .isEmpty();
    }

    @Test
    void an_empty_cors_origins_allows_no_other_origin() throws Exception {
        // Kubernetes' base ConfigMaps set CORS_ORIGINS to "" until an overlay names the frontends.
        assertThat(platformDefaults("prod", Map.of("CORS_ORIGINS", ""))
                        .getOptionalValues("quarkus.http.cors.origins", String.class))
                .isEmpty();
    }

    @Test
    void cors_origins_names_the_allowed_origins() throws Exception {
        SmallRyeConfig config =
                platformDefaults("prod", Map.of("CORS_ORIGINS", "https://www.techtank.se,https://admin.techtank.se"));

        assertThat(config.getValues("quarkus.http.cors.origins", String.class))
                .containsExactly("https://www.techtank.se", "https://admin.techtank.se");
        assertThat(config.getValue("quarkus.http.cors.enabled", Boolean.class)).isTrue();
        assertThat(config.getValue("quarkus.http.cors.access-control-allow-credentials", Boolean.class))
                .isFalse();
    }

    /** The platform file under a profile, with {@code env} as the environment (nothing of the real one). */
    private static SmallRyeConfig platformDefaults(String profile, Map<String, String> env) throws Exception {
        URL defaults = CorsDefaultsTest.class.getResource("/META-INF/microprofile-config.properties");
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(defaults, 100))
                .withSources(new PropertiesConfigSource(env, "test-environment", 300))
                .build();
    }
}
