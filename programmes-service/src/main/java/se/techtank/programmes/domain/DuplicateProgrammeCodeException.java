package se.techtank.programmes.domain;

import se.techtank.platform.problem.DomainException;

/** Another programme has this code. */
public class DuplicateProgrammeCodeException extends DomainException {

    public DuplicateProgrammeCodeException(String code) {
        super(
                Kind.CONFLICT,
                "duplicate-programme-code",
                "Programme code taken",
                "A programme with code " + code + " exists.");
    }
}
