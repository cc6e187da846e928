package se.techtank.events.domain;

import se.techtank.platform.problem.DomainException;

/** A lifecycle command the meeting's current state does not allow; the answer names the state. */
public class IllegalMeetingTransitionException extends DomainException {

    public IllegalMeetingTransitionException(String action, MeetingStatus current) {
        super(
                Kind.CONFLICT,
                "illegal-meeting-transition",
                "Meeting change not allowed",
                "Cannot " + action + " a meeting that is " + current + ".");
    }
}
