package se.techtank.notifications.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What notifications-service sends and how hard it tries ({@code techtank.notifications.*}; docs/configuration.md). */
@ConfigMapping(prefix = "techtank.notifications")
public interface NotificationsConfig {

    /**
     * Events older than this (by {@code ce_time}) update the projections only: their deliveries are
     * suppressed as STALE, so that a replay (a new consumer group, a restored database) mails no one.
     */
    @WithDefault("PT24H")
    Duration maxEventAge();

    /** The domain of every mail's {@code Message-ID: <deliveryId@domain>}. */
    @WithDefault("notifications.techtank.se")
    String messageIdDomain();

    /**
     * The key that signs unsubscribe links (HMAC-SHA256). The default is for development and tests only:
     * every deployment sets {@code UNSUBSCRIBE_SECRET}.
     */
    String unsubscribeSecret();

    /** Where people reach this service's public endpoints, for the links in mails (the unsubscribe link). */
    @WithDefault("http://127.0.0.1:8084")
    String publicUrl();

    /** When reminders go out: this local time (Europe/Stockholm) the day before a meeting starts. */
    @WithDefault("09:00")
    java.time.LocalTime reminderTime();

    Mail mail();

    interface Mail {

        /** Whether this replica sends mail (the senders run). */
        @WithDefault("true")
        boolean enabled();

        /** Senders per replica: each holds one delivery (and one database connection) while it talks SMTP. */
        @WithDefault("2")
        int senders();

        /** How long a sender waits when nothing is due, unless a new delivery wakes it first. */
        @WithDefault("PT5S")
        Duration pollInterval();

        /** The longest one SMTP exchange may take before it counts as a timeout (tried again later). */
        @WithDefault("PT30S")
        Duration sendTimeout();

        /** The first pause after a temporary failure (4xx, timeout, no connection); doubled each time. */
        @WithDefault("PT1M")
        Duration retryDelay();

        /** The longest pause between two attempts. */
        @WithDefault("PT1H")
        Duration maxRetryDelay();

        /** After this long since it was due, a delivery still failing temporarily is given up: FAILED. */
        @WithDefault("PT24H")
        Duration giveUpAfter();
    }
}
