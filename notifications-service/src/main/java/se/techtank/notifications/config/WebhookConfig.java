package se.techtank.notifications.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Partner webhooks: who sees what and how hard delivery tries ({@code techtank.notifications.webhooks.*}; docs/webhooks.md). */
@ConfigMapping(prefix = "techtank.notifications.webhooks")
public interface WebhookConfig {

    /** Whether this replica sends webhooks (the senders run). */
    @WithDefault("true")
    boolean enabled();

    /** Senders per replica: each holds one delivery (and one database connection) during its HTTP request. */
    @WithDefault("2")
    int senders();

    /** How long a sender waits when nothing is due, unless a new delivery wakes it first. */
    @WithDefault("PT5S")
    Duration pollInterval();

    /** The longest one HTTP request (connect and answer) may take; longer counts as a timeout (tried again). */
    @WithDefault("PT10S")
    Duration timeout();

    /** The first pause after a temporary failure (5xx, timeout, no connection); doubled each time. */
    @WithDefault("PT1M")
    Duration retryDelay();

    /** The longest pause between two attempts. */
    @WithDefault("PT1H")
    Duration maxRetryDelay();

    /** After this long since it was due, a delivery still failing temporarily is given up: FAILED. */
    @WithDefault("P3D")
    Duration giveUpAfter();

    /** How long the secret replaced by a rotation still signs deliveries (next to the new one). */
    @WithDefault("PT24H")
    Duration rotationGrace();

    /**
     * Allows {@code http://127.0.0.1:<port>} URLs (development, tests and the local stack, env {@code
     * WEBHOOKS_ALLOW_LOCAL_HTTP}); never in production.
     */
    @WithDefault("false")
    boolean allowLocalHttp();

    /**
     * The counties (two-digit county codes) each partner serves, by partner id ({@code
     * partner-counties.<partnerId>=10,12}). programmes-service owns partners but publishes no partner events,
     * so this service is told here; a partner not listed sees only the applications it submitted.
     */
    Map<String, List<String>> partnerCounties();
}
