package se.techtank.platform.admission;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * The method's calls take turns at the {@link AdmissionGate} named {@link #value()} (ADR 0007): at most that
 * gate's concurrency of them run at once per replica, the others wait in order, and one that waits too long
 * is answered 503 {@code service-busy} without being run. With a parameter marked {@link AdmissionKey},
 * calls for different keys (e.g. different meetings) mostly take turns at different gates.
 *
 * <p>The turn is taken around everything else the method is intercepted for: a {@code @Transactional}
 * method's transaction begins only once it is its turn, so no database connection is held while waiting.
 * Settings: {@code techtank.admission.<name>.concurrency} (default: the cores the JVM may use) and {@code
 * techtank.admission.<name>.max-wait} (default: the datasource's acquisition timeout, how long a request
 * waits for a connection anyway); see docs/configuration.md.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Admitted {

    /** The gate's name, in settings and in the metric {@code admission_wait_seconds{gate=…}}. */
    @Nonbinding
    String value();
}
