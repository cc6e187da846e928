package se.techtank.programmes.domain;

import java.util.UUID;

import se.techtank.platform.problem.DomainException;

/** An approval when every seat of the intake is taken. */
public class IntakeFullException extends DomainException {

    public IntakeFullException(UUID intakeId, int seats) {
        super(
                Kind.CONFLICT,
                "intake-full",
                "Intake full",
                "All " + seats + " seats of intake " + intakeId + " are taken; waitlist the application instead.");
    }
}
