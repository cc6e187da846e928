package se.techtank.events.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every setting of events-service's own code, in one place; docs/configuration.md describes them for
 * operators, with the environment variables {@code application.properties} reads them from. Settings of the
 * platform (outbox, inbox, idempotency keys, tokens) and of Quarkus are not here.
 *
 * <p>This package depends on nothing else in the service, so every layer may use it.
 */
@ConfigMapping(prefix = "techtank.events")
public interface EventsConfig {

    /**
     * The link attendees cancel with, {@code {id}} and {@code {token}} to be filled in
     * ({@code CANCELLATION_PAGE_URL}, or the older {@code CANCELLATION_LINK}; locally
     * {@code techtank.events.local-cancellation-link}): the page a person opens with GET from a mail.
     */
    String cancellationLink();

    /**
     * Not read by the code: the local default of {@link #cancellationLink()}, a property of its own because
     * inside {@code ${CANCELLATION_PAGE_URL:…}} the first {@code }} would end the default. Mapped because a
     * mapping must know every property under its prefix.
     */
    String localCancellationLink();

    /** {@code techtank.events.registration.*}: {@code POST /api/v1/meetings/{id}/registrations}. */
    Registration registration();

    interface Registration {

        /**
         * Anonymous registrations per client address and meeting in {@link #rateWindow()}
         * ({@code REGISTRATION_RATE_LIMIT}); above it 429 {@code rate-limited}, counted in the database so that
         * every replica counts against the same limit.
         */
        @WithDefault("20")
        int rateLimit();

        /** The window of {@link #rateLimit()} ({@code REGISTRATION_RATE_WINDOW}). */
        @WithDefault("PT1H")
        java.time.Duration rateWindow();
    }

    /** {@code techtank.events.list.*}: {@code GET /api/v1/meetings}. */
    MeetingList list();

    interface MeetingList {

        /** Rendered meeting lists remembered for the database snapshot they were read in; 0 turns it off. */
        @WithDefault("1000")
        int rememberedPages();
    }
}
