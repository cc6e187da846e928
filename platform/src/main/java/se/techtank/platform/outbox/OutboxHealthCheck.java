package se.techtank.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.health.api.HealthGroup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /q/health/group/dependencies}: DOWN while the oldest unpublished event is older than
 * {@code techtank.outbox.max-unsent-age}. Not a readiness check: an old event means Kafka is away or
 * slow, and the service goes on taking writes meanwhile (see {@code KafkaHealthCheck}).
 */
@HealthGroup("dependencies")
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxBacklog backlog;
    private final OutboxConfig config;

    OutboxHealthCheck(OutboxBacklog backlog, OutboxConfig config) {
        this.backlog = backlog;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("outbox");
        try {
            OutboxBacklog.Snapshot snapshot = backlog.current();
            boolean fresh = snapshot.oldestAge().compareTo(config.maxUnsentAge()) <= 0;
            return response.status(fresh)
                    .withData("unsentRows", snapshot.unsentRows())
                    .withData("oldestUnsentAgeSeconds", snapshot.oldestAge().toSeconds())
                    .withData("maxUnsentAgeSeconds", config.maxUnsentAge().toSeconds())
                    .build();
        } catch (Exception e) {
            return response.down()
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
