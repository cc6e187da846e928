package se.techtank.platform.security;

import java.util.Optional;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtKeyGuardTest {

    private static final Optional<String> NONE = Optional.empty();

    @Test
    void a_deployed_service_without_a_key_refuses_to_start_and_says_what_to_set() {
        assertThatThrownBy(() -> JwtKeyGuard.check(LaunchMode.NORMAL, NONE, NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JWT_PUBLIC_KEY_LOCATION")
                .hasMessageContaining("JWKS");
        assertThatThrownBy(() -> JwtKeyGuard.check(LaunchMode.NORMAL, Optional.of(" "), NONE))
                .isInstanceOf(IllegalStateException.class);
        // What the platform's configuration gives when JWT_PUBLIC_KEY_LOCATION is not set.
        assertThatThrownBy(() -> JwtKeyGuard.check(LaunchMode.NORMAL, Optional.of("NONE"), Optional.of("NONE")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_deployed_service_with_a_jwks_url_or_an_inline_key_starts_quietly() {
        assertThat(JwtKeyGuard.check(LaunchMode.NORMAL, Optional.of("https://auth.techtank.se/jwks"), NONE))
                .isEmpty();
        assertThat(JwtKeyGuard.check(LaunchMode.NORMAL, NONE, Optional.of("{\"keys\":[]}")))
                .isEmpty();
    }

    @Test
    void the_development_key_given_explicitly_outside_dev_and_test_starts_with_a_warning() {
        assertThat(JwtKeyGuard.check(LaunchMode.NORMAL, Optional.of(JwtKeyGuard.DEVELOPMENT_KEY), NONE))
                .hasValueSatisfying(warning -> assertThat(warning).contains("LOCAL DEVELOPMENT key"));
    }

    @Test
    void dev_and_test_runs_need_no_key_setting() {
        assertThat(JwtKeyGuard.check(LaunchMode.TEST, NONE, NONE)).isEmpty();
        assertThat(JwtKeyGuard.check(LaunchMode.DEVELOPMENT, Optional.of(JwtKeyGuard.DEVELOPMENT_KEY), NONE))
                .isEmpty();
    }
}
