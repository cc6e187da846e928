package se.techtank.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fails closed: outside the dev and test profiles a service does not start without an explicit key to
 * verify tokens with. The local development key's private half is in the repository, so a deployment
 * that fell back to it would accept tokens anyone can mint.
 */
@ApplicationScoped
public class JwtKeyGuard {

    static final String DEVELOPMENT_KEY = "techtank/jwt/local-dev-only-public-key.pem";

    private static final Logger LOG = Logger.getLogger(JwtKeyGuard.class);

    private final Optional<String> keyLocation;
    private final Optional<String> key;

    JwtKeyGuard(
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key) {
        this.keyLocation = keyLocation;
        this.key = key;
    }

    void onStart(@Observes StartupEvent event) {
        check(LaunchMode.current(), keyLocation, key).ifPresent(LOG::warn);
    }

    /** {@code NONE} is SmallRye JWT's own default for "not set". */
    private static boolean set(String value) {
        return !value.isBlank() && !value.equals("NONE");
    }

    /**
     * Throws when a deployed service has no key; returns a warning when it was explicitly given the
     * development key (the local stack does that).
     */
    static Optional<String> check(LaunchMode mode, Optional<String> keyLocation, Optional<String> key) {
        boolean located = keyLocation.filter(JwtKeyGuard::set).isPresent();
        boolean inline = key.filter(JwtKeyGuard::set).isPresent();
        if (mode.isDevOrTest()) {
            return Optional.empty();
        }
        if (!located && !inline) {
            throw new IllegalStateException("No key to verify bearer tokens with: set JWT_PUBLIC_KEY_LOCATION to the"
                    + " identity provider's JWKS URL (https://…) or a PEM/JWK file, and JWT_ISSUER to its issuer"
                    + " (docs/configuration.md). The service does not start without one.");
        }
        if (located && keyLocation.get().endsWith(DEVELOPMENT_KEY)) {
            return Optional.of("Bearer tokens are verified with the LOCAL DEVELOPMENT key (" + keyLocation.get()
                    + "), whose private half is in the repository: anyone can mint tokens this service accepts."
                    + " Only the local stack may run like this.");
        }
        return Optional.empty();
    }
}
