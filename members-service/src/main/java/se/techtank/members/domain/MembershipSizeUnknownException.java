package se.techtank.members.domain;

import se.techtank.platform.problem.DomainException;

/** Approval sets the fee tier from the size class, so the number of employees must be known first. */
public class MembershipSizeUnknownException extends DomainException {

    public MembershipSizeUnknownException() {
        super(
                Kind.CONFLICT,
                "membership-size-unknown",
                "Company size unknown",
                "Record the company's number of employees before approving: the fee tier follows its size class.");
    }
}
