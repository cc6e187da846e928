package se.techtank.events.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.events.domain.MeetingTime;
import se.techtank.events.domain.Registration;
import se.techtank.events.domain.RegistrationStatus;

@Schema(name = "Registration", description = "A registration for a meeting")
public record RegistrationResponse(
        UUID id,
        UUID meetingId,

        RegistrationStatus status,

        @Schema(description = "1 for the first in line; only while WAITLISTED")
        Integer waitlistPosition,

        @Schema(description = "Absent once the person was erased")
        RegistrationRequest.Attendee attendee,

        String organisationNumber,
        String companyName,
        String dietaryRequirements,
        String message,
        boolean attendeeListConsent,

        @Schema(description = "Shown at the door to check in", examples = "K7MPX2")
        String checkInCode,

        @Schema(
                description = "The secret link to cancel with, to the frontend's cancellation page "
                        + "(`CANCELLATION_PAGE_URL`), which a person opens with GET; that page calls "
                        + "`POST /api/v1/registrations/{id}/cancel?token=…`. Keep it private. Shown to the attendee and "
                        + "the organisers.")
        String cancellationLink,

        OffsetDateTime checkedInAt,
        OffsetDateTime cancelledAt,
        String cancellationReason,
        boolean anonymised,
        OffsetDateTime registeredAt,
        OffsetDateTime modifiedAt) {

    static RegistrationResponse of(Registration registration, String cancellationLink) {
        return new RegistrationResponse(
                registration.id(),
                registration.meetingId(),
                registration.status(),
                registration.waitlistPosition().orElse(null),
                registration.isAnonymised()
                        ? null
                        : new RegistrationRequest.Attendee(
                                registration.attendeeName().orElse(null),
                                registration.attendeeEmail().orElse(null),
                                registration.language().code()),
                registration.organisationNumber().orElse(null),
                registration.companyName().orElse(null),
                registration.dietaryRequirements().orElse(null),
                registration.message().orElse(null),
                registration.attendeeListConsent(),
                registration.checkInCode(),
                registration.isAnonymised() ? null : cancellationLink,
                registration.checkedInAt().map(MeetingTime::local).orElse(null),
                registration.cancelledAt().map(MeetingTime::local).orElse(null),
                registration.cancellationReason().orElse(null),
                registration.isAnonymised(),
                MeetingTime.local(registration.registeredAt()),
                MeetingTime.local(registration.modifiedAt()));
    }
}
