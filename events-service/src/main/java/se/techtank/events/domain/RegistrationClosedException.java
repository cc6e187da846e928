package se.techtank.events.domain;

import se.techtank.platform.problem.DomainException;

/** Registration is not possible now: not yet open, closed, or the meeting is cancelled or completed. */
public class RegistrationClosedException extends DomainException {

    private RegistrationClosedException(String type, String title, String detail) {
        super(Kind.CONFLICT, type, title, detail);
    }

    public static RegistrationClosedException closed(Meeting meeting) {
        return new RegistrationClosedException(
                "registration-closed",
                "Registration is closed",
                "Registration for this meeting closed " + MeetingTime.local(meeting.registrationClosesAt()) + ".");
    }

    public static RegistrationClosedException notYetOpen(Meeting meeting) {
        return new RegistrationClosedException(
                "registration-not-open",
                "Registration has not opened",
                "Registration for this meeting opens "
                        + MeetingTime.local(meeting.registrationOpensAt().orElseThrow()) + ".");
    }

    public static RegistrationClosedException meeting(Meeting meeting) {
        return new RegistrationClosedException(
                "meeting-" + meeting.status().name().toLowerCase(java.util.Locale.ROOT),
                "Meeting is " + meeting.status().name().toLowerCase(java.util.Locale.ROOT),
                "The meeting is " + meeting.status() + "; it takes no registrations.");
    }
}
