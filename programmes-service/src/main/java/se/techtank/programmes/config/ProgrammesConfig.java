package se.techtank.programmes.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of programmes-service, {@code techtank.programmes.*} (docs/configuration.md). */
@ConfigMapping(prefix = "techtank.programmes")
public interface ProgrammesConfig {

    /** How often the window job opens and closes intakes (read by its schedule). */
    @WithDefault("60s")
    String intakeWindowCheck();

    /** {@code techtank.programmes.catalogue.*}: {@code GET /api/v1/programmes}. */
    Catalogue catalogue();

    interface Catalogue {

        /** Rendered catalogue pages remembered for the database snapshot they were read in; 0 turns it off. */
        @WithDefault("1000")
        int rememberedPages();
    }

    /** {@code techtank.programmes.partner-requests.*}: how much one partner IUC may submit. */
    PartnerRequests partnerRequests();

    interface PartnerRequests {

        /**
         * Applications and eligibility checks one partner may send per {@link #window()} (per replica); above
         * it 429 {@code rate-limited} with {@code Retry-After}. A replayed request (same Idempotency-Key and
         * body) does not count.
         */
        @WithDefault("60")
        int limit();

        @WithDefault("PT1M")
        Duration window();
    }
}
