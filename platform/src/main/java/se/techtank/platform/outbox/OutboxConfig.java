package se.techtank.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbox relay, its retention and its readiness limit ({@code techtank.outbox.*}). */
@ConfigMapping(prefix = "techtank.outbox")
public interface OutboxConfig {

    Relay relay();

    /** How long sent rows are kept before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** Readiness goes DOWN when the oldest unsent row is older than this. */
    @WithDefault("PT60S")
    Duration maxUnsentAge();

    interface Relay {
        /** Off only in tests that drive a relay of their own. */
        @WithDefault("true")
        boolean enabled();

        /** Rows claimed and published per transaction. */
        @WithDefault("100")
        int batchSize();

        /** Fallback polling when no commit woke the relay. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** First wait after a failed publish; doubled per failure up to {@link #maxBackoff()}. */
        @WithDefault("PT0.5S")
        Duration initialBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();

        /**
         * How long a publish waits for an unreachable broker before the relay backs off. Once the broker
         * took the records, acknowledgements are awaited up to Kafka's delivery timeout (2 minutes).
         */
        @WithDefault("PT15S")
        Duration sendTimeout();

        /**
         * After a batch that was not full, how long the relay lets rows gather before it claims the next:
         * under steady writes the batches grow, and the relay, the database and the broker do their
         * per-batch work once for many events instead of for a handful. It delays events only while others
         * are being published; the first one after a quiet spell goes out at once. 0 turns it off.
         */
        @WithDefault("PT0.025S")
        Duration linger();
    }
}
