package se.techtank.programmes.domain;

import se.techtank.platform.problem.DomainException;

/** Another partner has this id. */
public class DuplicatePartnerException extends DomainException {

    public DuplicatePartnerException(String id) {
        super(Kind.CONFLICT, "duplicate-partner", "Partner exists", "A partner with id " + id + " exists.");
    }
}
