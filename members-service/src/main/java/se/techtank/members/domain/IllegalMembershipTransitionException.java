package se.techtank.members.domain;

import se.techtank.platform.problem.DomainException;

/** A membership change that the current state does not allow; the answer names the current state. */
public class IllegalMembershipTransitionException extends DomainException {

    public IllegalMembershipTransitionException(String action, MembershipStatus current) {
        super(
                Kind.CONFLICT,
                "illegal-membership-transition",
                "Membership change not allowed",
                "Cannot " + action + " a membership that is " + (current == null ? "not applied for" : current) + ".");
    }
}
