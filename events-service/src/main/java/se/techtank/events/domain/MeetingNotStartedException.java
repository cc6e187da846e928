package se.techtank.events.domain;

import se.techtank.platform.problem.DomainException;

/** A meeting is completed after it took place, not before. */
public class MeetingNotStartedException extends DomainException {

    public MeetingNotStartedException(Meeting meeting) {
        super(
                Kind.CONFLICT,
                "meeting-not-started",
                "Meeting has not started",
                "The meeting starts " + MeetingTime.local(meeting.startsAt()) + "; it can be completed after that.");
    }
}
