package se.techtank.events.domain;

import se.techtank.platform.problem.DomainException;

/** Registration is not possible now: not yet open, closed, or the meeting is cancelled or completed. */
public class RegistrationClosedException extends DomainException {

    // Each factory names its kind and slug together, so that ProblemTypesTest finds every slug in the source.
    private RegistrationClosedException(Kind kind, String type, String title, String detail) {
        super(kind, type, title, detail);
    }

    public static RegistrationClosedException closed(Meeting meeting) {
        return new RegistrationClosedException(
                Kind.CONFLICT,
                "registration-closed",
                "Registration is closed",
                "Registration for this meeting closed " + MeetingTime.local(meeting.registrationClosesAt()) + ".");
    }

    public static RegistrationClosedException notYetOpen(Meeting meeting) {
        return new RegistrationClosedException(
                Kind.CONFLICT,
                "registration-not-open",
                "Registration has not opened",
                "Registration for this meeting opens "
                        + MeetingTime.local(meeting.registrationOpensAt().orElseThrow()) + ".");
    }

    /** A meeting that takes no registrations in its state: a draft, a cancelled or a completed one. */
    public static RegistrationClosedException meeting(Meeting meeting) {
        String detail = "The meeting is " + meeting.status() + "; it takes no registrations.";
        return switch (meeting.status()) {
            case DRAFT -> new RegistrationClosedException(Kind.CONFLICT, "meeting-draft", "Meeting is draft", detail);
            case CANCELLED ->
                new RegistrationClosedException(Kind.CONFLICT, "meeting-cancelled", "Meeting is cancelled", detail);
            case COMPLETED ->
                new RegistrationClosedException(Kind.CONFLICT, "meeting-completed", "Meeting is completed", detail);
            // A published meeting is closed or not yet open by its times: closed() and notYetOpen().
            case PUBLISHED -> throw new IllegalStateException("A published meeting is not closed by its state");
        };
    }
}
