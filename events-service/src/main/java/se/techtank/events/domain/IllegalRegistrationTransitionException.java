package se.techtank.events.domain;

import se.techtank.platform.problem.DomainException;

/** A registration command its current state does not allow; the answer names the state. */
public class IllegalRegistrationTransitionException extends DomainException {

    public IllegalRegistrationTransitionException(String action, RegistrationStatus current) {
        super(
                Kind.CONFLICT,
                "illegal-registration-transition",
                "Registration change not allowed",
                "Cannot " + action + " a registration that is " + current + ".");
    }
}
