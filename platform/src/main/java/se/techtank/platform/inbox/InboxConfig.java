package se.techtank.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the inbox: retries of a consumer's effect and how long event ids are kept ({@code techtank.inbox.*}). */
@ConfigMapping(prefix = "techtank.inbox")
public interface InboxConfig {

    /**
     * Attempts of an effect that fails for a reason that is neither the infrastructure's nor plainly the
     * event's (a bug, say) before the record goes to {@code <topic>.dlq}.
     */
    @WithDefault("3")
    int maxAttempts();

    /** Pause between those attempts (multiplied by the attempt number); also the first pause after an infrastructure failure. */
    @WithDefault("PT0.2S")
    Duration retryDelay();

    /**
     * The longest pause between two tries after infrastructure failures (connection lost, pool timeout,
     * serialization failure, deadlock). The pause doubles from {@link #retryDelay()} up to this; such an
     * event is retried without limit and never dead-lettered.
     */
    @WithDefault("PT30S")
    Duration maxRetryDelay();

    /**
     * How long processed event ids are kept. Longer than any redelivery can come: the topics' retention of
     * dead-lettered records and a consumer group's replay of a compacted topic after an outage.
     */
    @WithDefault("P14D")
    Duration retention();

    /** How often the retention job deletes older ids. */
    @WithDefault("1h")
    String retentionCheckEvery();
}
