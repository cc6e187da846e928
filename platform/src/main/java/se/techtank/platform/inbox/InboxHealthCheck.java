package se.techtank.platform.inbox;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.health.api.HealthGroup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /q/health/group/dependencies}: DOWN while a consumer waits for the database (or another part of
 * the infrastructure) to come back. Not a readiness check: the service still answers requests, and the
 * consumer goes on by itself once the infrastructure is back, so restarting or unrouting the pod helps
 * nothing. An alert watches this group and {@code techtank_inbox_stalled}.
 */
@HealthGroup("dependencies")
@ApplicationScoped
public class InboxHealthCheck implements HealthCheck {

    private final ConsumerStalls stalls;

    InboxHealthCheck(ConsumerStalls stalls) {
        this.stalls = stalls;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, ConsumerStalls.Stall> current = stalls.current();
        var response = HealthCheckResponse.named("inbox").status(current.isEmpty());
        current.forEach((consumer, stall) -> response.withData(
                consumer,
                "waiting since " + stall.since() + " after " + stall.failedTries() + " failed tries of event "
                        + stall.eventId() + ": " + stall.lastFailure()));
        return response.build();
    }
}
