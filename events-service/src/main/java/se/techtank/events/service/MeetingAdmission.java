package se.techtank.events.service;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;

import se.techtank.events.config.EventsConfig;
import se.techtank.platform.admission.AdmissionGate;

/**
 * Lets at most a few registrations of one meeting into the database at a time (per replica); the others
 * wait here, first come first served (ADR 0007). They would wait anyway: every registration locks its
 * meeting's row until it commits (ADR 0009). Waiting here instead of on that lock keeps the other database
 * connections free for other requests and spares PostgreSQL the hand-over of a lock among many waiting
 * sessions: in the rush benchmark (50 clients, one meeting) a smaller pool gave clearly more registrations
 * per second (docs/benchmarks.md). Exactness does not depend on it: the row lock and the constraints still
 * decide.
 *
 * <p>Meetings share gates by a stripe of their id (64 stripes), so two busy meetings rarely meet. A
 * registration that waits longer than the connection pool's acquisition timeout is answered 503
 * {@code service-busy} and changes nothing. Metric: {@code admission_wait_seconds{gate="meeting-registration"}}.
 */
@ApplicationScoped
public class MeetingAdmission {

    private static final int STRIPES = 64;

    private final AdmissionGate[] stripes;

    /** A registration waits no longer than a request waits for a connection of the service's pool. */
    @Inject
    MeetingAdmission(EventsConfig config, AgroalDataSource dataSource, MeterRegistry registry) {
        this(
                config.registration().concurrencyPerMeeting(),
                dataSource.getConfiguration().connectionPoolConfiguration().acquisitionTimeout(),
                registry);
    }

    MeetingAdmission(int concurrency, Duration maxWait, MeterRegistry registry) {
        this.stripes = new AdmissionGate[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new AdmissionGate("meeting-registration", concurrency, maxWait, registry);
        }
    }

    /** Runs {@code work} (a whole transaction) once it is the meeting's turn. */
    public <T> T call(UUID meetingId, Supplier<T> work) {
        return stripes[Math.floorMod(meetingId.hashCode(), STRIPES)].call(work);
    }
}
