package se.techtank.programmes.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import se.techtank.platform.problem.DomainException;

/**
 * An application outside the intake's window, or to an intake that is not open; the answer gives the window in
 * Stockholm time, as applicants read it.
 */
public class IntakeNotOpenException extends DomainException {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    public IntakeNotOpenException(IntakeStatus status, Instant opensAt, Instant closesAt) {
        super(
                Kind.CONFLICT,
                "intake-not-open",
                "Intake not open for applications",
                "The intake is " + status + "; applications are taken from " + local(opensAt) + " until "
                        + local(closesAt)
                        + " while it is OPEN.");
    }

    private static String local(Instant time) {
        return time == null
                ? "(not set)"
                : time.atZone(STOCKHOLM)
                        .toOffsetDateTime()
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toString();
    }
}
