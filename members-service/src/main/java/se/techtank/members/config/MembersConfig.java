package se.techtank.members.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every setting of members-service's own code, in one place; docs/configuration.md describes them for
 * operators, with the environment variables {@code application.properties} reads them from. Settings of the
 * platform (outbox, inbox, idempotency keys, tokens) and of Quarkus are not here, and neither is the
 * schedule of the renewal check ({@code techtank.membership.renewal-check-cron}): an annotation reads it.
 *
 * <p>{@code techtank.members.*} here, {@code techtank.membership-applications.*} in {@link
 * MembershipApplications}, a mapping of its own: a mapping claims every property under its prefix (an
 * unknown one fails the start), so the two cannot share one mapping of {@code techtank.*}, where the platform's
 * and the tests' properties live too.
 *
 * <p>This package depends on nothing else in the service, so every layer may use it.
 */
@ConfigMapping(prefix = "techtank.members")
public interface MembersConfig {

    /** {@code techtank.members.import.*}: {@code POST /api/v1/companies/import}. */
    @WithName("import")
    CompanyImport companyImport();

    /** {@code techtank.members.list.*}: {@code GET /api/v1/companies}. */
    @WithName("list")
    CompanyList companyList();

    interface CompanyImport {

        /** The largest file accepted (413 problem above). */
        @WithDefault("10485760")
        long maxBytes();

        /** The most data rows in one file (413 problem above). */
        @WithDefault("50000")
        int maxRows();

        /** Rows written per transaction: memory stays flat and a failure loses at most one chunk. */
        @WithDefault("500")
        int chunkSize();
    }

    interface CompanyList {

        /** List totals remembered for the database snapshot they were counted in; 0 turns it off. */
        @WithDefault("1000")
        int rememberedTotals();

        /** Companies whose list JSON is remembered for the version of their row; 0 turns it off. */
        @WithDefault("50000")
        int rememberedCompanies();
    }

    /** {@code techtank.membership-applications.*}: {@code POST /api/v1/membership-applications}. */
    @ConfigMapping(prefix = "techtank.membership-applications")
    interface MembershipApplications {

        /** Applications per client address and {@link #rateWindow()}; above it 429 {@code rate-limited}. */
        @WithDefault("5")
        int rateLimit();

        @WithDefault("PT10M")
        Duration rateWindow();
    }
}
