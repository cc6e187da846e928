package se.techtank.members.domain;

import se.techtank.kernel.OrganisationNumber;
import se.techtank.platform.problem.DomainException;

/** A company with this organisation number is already registered. */
public class DuplicateOrganisationNumberException extends DomainException {

    public DuplicateOrganisationNumberException(OrganisationNumber organisationNumber) {
        super(
                Kind.CONFLICT,
                "duplicate-organisation-number",
                "Organisation number already registered",
                "A company with organisation number " + organisationNumber + " is already registered.");
    }
}
