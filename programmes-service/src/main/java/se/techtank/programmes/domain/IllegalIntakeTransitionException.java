package se.techtank.programmes.domain;

import se.techtank.platform.problem.DomainException;

/** A lifecycle command the intake's current state does not allow; the answer names the state. */
public class IllegalIntakeTransitionException extends DomainException {

    public IllegalIntakeTransitionException(String action, IntakeStatus current) {
        super(
                Kind.CONFLICT,
                "illegal-intake-transition",
                "Intake change not allowed",
                "Cannot " + action + " an intake that is " + current + ".");
    }
}
