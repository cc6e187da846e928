package se.techtank.programmes.domain;

import java.time.Instant;

import se.techtank.platform.problem.DomainException;

/** An application outside the intake's window, or to an intake that is not open; the answer gives the window. */
public class IntakeNotOpenException extends DomainException {

    public IntakeNotOpenException(IntakeStatus status, Instant opensAt, Instant closesAt) {
        super(
                Kind.CONFLICT,
                "intake-not-open",
                "Intake not open for applications",
                "The intake is " + status + "; applications are taken from " + opensAt + " until " + closesAt
                        + " while it is OPEN.");
    }
}
