package se.techtank.programmes.domain;

import se.techtank.platform.problem.DomainException;

/** The company already has an application standing in this intake. */
public class DuplicateApplicationException extends DomainException {

    public DuplicateApplicationException(String organisationNumber) {
        super(
                Kind.CONFLICT,
                "duplicate-application",
                "Already applied",
                "Company " + organisationNumber + " already has an application in this intake that is not"
                        + " withdrawn or rejected.");
    }
}
