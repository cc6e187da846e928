package se.techtank.events.domain;

import java.util.UUID;

import se.techtank.platform.problem.DomainException;

/** A completed or cancelled meeting is history: it is not edited any more. */
public class MeetingNotEditableException extends DomainException {

    public MeetingNotEditableException(UUID id, MeetingStatus status) {
        super(
                Kind.CONFLICT,
                "meeting-not-editable",
                "Meeting cannot be changed",
                "Meeting " + id + " is " + status + " and can no longer be changed.");
    }
}
