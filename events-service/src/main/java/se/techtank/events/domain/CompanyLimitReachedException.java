package se.techtank.events.domain;

import se.techtank.platform.problem.DomainException;

/** The meeting takes at most so many people from one company. */
public class CompanyLimitReachedException extends DomainException {

    public CompanyLimitReachedException(String organisationNumber, int limit) {
        super(
                Kind.CONFLICT,
                "company-limit-reached",
                "Company limit reached",
                "This meeting takes at most " + limit + " attendees per company, and " + organisationNumber
                        + " already has " + limit + ".");
    }
}
