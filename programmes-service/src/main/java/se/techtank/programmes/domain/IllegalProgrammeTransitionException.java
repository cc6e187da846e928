package se.techtank.programmes.domain;

import se.techtank.platform.problem.DomainException;

/** A lifecycle command the programme's current state does not allow; the answer names the state. */
public class IllegalProgrammeTransitionException extends DomainException {

    public IllegalProgrammeTransitionException(String action, ProgrammeStatus current) {
        super(
                Kind.CONFLICT,
                "illegal-programme-transition",
                "Programme change not allowed",
                "Cannot " + action + " a programme that is " + current + ".");
    }
}
