package se.techtank.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.health.api.HealthGroup;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The messaging channels' own health, placed where this project wants it (ADR 0015): their readiness (a
 * consumer is connected and has its partitions) in {@code /q/health/group/dependencies}, their liveness (a
 * channel failed for good) in liveness. Quarkus' own messaging checks are off, because they would put the
 * channels' readiness into {@code /q/health/ready}, where a Kafka outage would take every pod out of its
 * Service. The local stack waits for this group, so demo data is only loaded once every consumer reads.
 */
public final class ConsumersHealthCheck {

    private ConsumersHealthCheck() {}

    static HealthCheckResponse of(String name, HealthReport report) {
        var response = HealthCheckResponse.named(name).status(report.isOk());
        for (HealthReport.ChannelInfo channel : report.getChannels()) {
            response.withData(
                    channel.getChannel(),
                    channel.isOk() ? "OK" : "DOWN" + (channel.getMessage() == null ? "" : ": " + channel.getMessage()));
        }
        return response.build();
    }

    /** {@code consumers} in the dependencies group: every channel connected and reading. */
    @HealthGroup("dependencies")
    @ApplicationScoped
    public static class Readiness implements HealthCheck {

        private final HealthCenter channels;

        Readiness(HealthCenter channels) {
            this.channels = channels;
        }

        @Override
        public HealthCheckResponse call() {
            return of("consumers", channels.getReadiness());
        }
    }

    /** {@code messaging} in liveness: no channel has failed for good. */
    @Liveness
    @ApplicationScoped
    public static class Alive implements HealthCheck {

        private final HealthCenter channels;

        Alive(HealthCenter channels) {
            this.channels = channels;
        }

        @Override
        public HealthCheckResponse call() {
            return of("messaging", channels.getLiveness());
        }
    }
}
