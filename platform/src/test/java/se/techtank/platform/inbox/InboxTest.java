package se.techtank.platform.inbox;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;

import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

import se.techtank.platform.events.MalformedEventException;
import se.techtank.platform.problem.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of {@link Inbox} that need no database: whose fault a failure is, and how long to wait. */
class InboxTest {

    private final Inbox inbox = new Inbox(
            null, null, new ShutdownSignal(), null, config(200, 30_000), OpenTelemetry.noop(), new RecordsInFlight());

    @Test
    void an_event_that_cannot_be_read_or_that_a_rule_rejects_is_the_events_fault() {
        assertThat(Inbox.isTheEventsFault(new MalformedEventException("not JSON")))
                .isTrue();
        assertThat(Inbox.isTheEventsFault(new RuntimeException(new ConstraintViolationException(Set.of()))))
                .isTrue();
        assertThat(Inbox.isTheEventsFault(new NotFoundException("Meeting", "m-1")))
                .isTrue();
    }

    @Test
    void a_lost_connection_or_a_bug_is_not() {
        assertThat(Inbox.isTheEventsFault(new PersistenceException(new SQLException("lost", "08006"))))
                .isFalse();
        assertThat(Inbox.isTheEventsFault(new NullPointerException())).isFalse();
    }

    @Test
    void the_pause_after_infrastructure_failures_doubles_up_to_the_cap() {
        assertThat(inbox.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(inbox.backoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(inbox.backoff(5)).isEqualTo(Duration.ofMillis(3_200));
        assertThat(inbox.backoff(8)).isEqualTo(Duration.ofSeconds(25).plusMillis(600));
        assertThat(inbox.backoff(9)).isEqualTo(Duration.ofSeconds(30));
        assertThat(inbox.backoff(1_000)).as("no overflow").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_cap_below_the_first_pause_is_raised_to_it() {
        Inbox capped = new Inbox(
                null, null, new ShutdownSignal(), null, config(500, 100), OpenTelemetry.noop(), new RecordsInFlight());

        assertThat(capped.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(capped.backoff(4)).isEqualTo(Duration.ofMillis(500));
    }

    private static InboxConfig config(long retryDelayMillis, long maxRetryDelayMillis) {
        return new InboxConfig() {
            @Override
            public int maxAttempts() {
                return 3;
            }

            @Override
            public Duration retryDelay() {
                return Duration.ofMillis(retryDelayMillis);
            }

            @Override
            public Duration maxRetryDelay() {
                return Duration.ofMillis(maxRetryDelayMillis);
            }

            @Override
            public Duration retention() {
                return Duration.ofDays(14);
            }

            @Override
            public String retentionCheckEvery() {
                return "1h";
            }
        };
    }
}
