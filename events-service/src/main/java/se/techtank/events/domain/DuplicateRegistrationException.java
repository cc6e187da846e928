package se.techtank.events.domain;

import se.techtank.platform.problem.DomainException;

/** One registration per e-mail address and meeting. */
public class DuplicateRegistrationException extends DomainException {

    public DuplicateRegistrationException() {
        super(
                Kind.CONFLICT,
                "duplicate-registration",
                "Already registered",
                "This e-mail address is already registered for this meeting.");
    }
}
