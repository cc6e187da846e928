package se.techtank.members.events.readmodel;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * A service's company read model ({@code techtank.company-read-model.*}); the Kafka side is the channel
 * {@code members-company} ({@code mp.messaging.incoming.members-company.*}). See docs/adr/0008 for how a
 * rebuild changes {@link #consumer()} and the channel's {@code group.id} together.
 */
@ConfigMapping(prefix = "techtank.company-read-model")
public interface CompanyReadModelConfig {

    /**
     * Whether this service keeps the read model (a build-time switch: without it the consumer bean does not
     * exist, so members-service, which reads this library for its records, consumes nothing).
     */
    @WithDefault("false")
    boolean enabled();

    /** The service's table. */
    @WithDefault("company")
    String table();

    /** Further columns beyond {@link CompanyColumn#IDENTITY}, by SQL name, e.g. {@code membership_status}. */
    Optional<List<String>> columns();

    /** The consumer's name in {@code platform.inbox}; a new name for every rebuild. */
    @WithDefault("company-read-model")
    String consumer();
}
