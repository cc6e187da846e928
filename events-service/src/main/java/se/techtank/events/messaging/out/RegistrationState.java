package se.techtank.events.messaging.out;

import java.time.OffsetDateTime;
import java.util.UUID;

import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.MeetingDetails;
import se.techtank.events.domain.MeetingTime;
import se.techtank.events.domain.Registration;
import se.techtank.kernel.LocalizedText;

/**
 * A registration's current state as every event on {@code events.registration.v1} carries it (schema
 * {@code contracts/events/registration.v1.json}): what a notification needs — the meeting's title,
 * time and place, the attendee's name, e-mail and language, the waitlist position and the cancellation
 * link. An anonymised registration carries no attendee and no link.
 */
public record RegistrationState(
        UUID registrationId,
        UUID meetingId,
        String status,
        Integer waitlistPosition,
        Attendee attendee,
        String organisationNumber,
        String companyName,
        String checkInCode,
        String cancellationLink,
        String cancellationReason,
        MeetingSummary meeting,
        OffsetDateTime registeredAt,
        OffsetDateTime modifiedAt,
        boolean anonymised) {

    /** The person; absent once anonymised. */
    public record Attendee(String name, String email, String language) {}

    /** The meeting as the attendee is told about it. */
    public record MeetingSummary(
            LocalizedText title,
            OffsetDateTime start,
            OffsetDateTime end,
            String timeZone,
            MeetingDetails.Venue venue,
            String onlineLink,
            String municipalityCode,
            String status) {}

    public static RegistrationState of(Registration registration, Meeting meeting, String cancellationLink) {
        boolean anonymised = registration.isAnonymised();
        return new RegistrationState(
                registration.id(),
                registration.meetingId(),
                registration.status().name(),
                registration.waitlistPosition().orElse(null),
                anonymised
                        ? null
                        : new Attendee(
                                registration.attendeeName().orElse(null),
                                registration.attendeeEmail().orElse(null),
                                registration.language().code()),
                registration.organisationNumber().orElse(null),
                registration.companyName().orElse(null),
                registration.checkInCode(),
                anonymised ? null : cancellationLink,
                registration.cancellationReason().orElse(null),
                new MeetingSummary(
                        meeting.title(),
                        MeetingTime.local(meeting.startsAt()),
                        MeetingTime.local(meeting.endsAt()),
                        MeetingTime.ZONE.getId(),
                        meeting.venue().orElse(null),
                        meeting.onlineLink().orElse(null),
                        meeting.municipalityCode(),
                        meeting.status().name()),
                MeetingTime.local(registration.registeredAt()),
                MeetingTime.local(registration.modifiedAt()),
                anonymised);
    }
}
