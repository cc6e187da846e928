package se.techtank.events.messaging.out;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import se.techtank.events.domain.CoOrganiser;
import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.MeetingDetails;
import se.techtank.events.domain.MeetingTime;
import se.techtank.kernel.LocalizedText;

/**
 * A meeting's current state as every event on {@code events.meeting.v1} carries it (schema {@code
 * contracts/events/meeting.v1.json}). Times carry Stockholm's offset. Fields are only ever added.
 */
public record MeetingState(
        UUID meetingId,
        String kind,
        String status,
        LocalizedText title,
        LocalizedText description,
        String municipalityCode,
        String series,
        List<CoOrganiser> coOrganisers,
        MeetingDetails.Venue venue,
        String onlineLink,
        OffsetDateTime start,
        OffsetDateTime end,
        String timeZone,
        int capacity,
        int confirmedCount,
        int seatsLeft,
        int waitlistLength,
        Integer maxPerCompany,
        OffsetDateTime registrationOpens,
        OffsetDateTime registrationCloses,
        String audience,
        boolean approvalRequired,
        List<String> focusAreas,
        int sequence,
        String cancellationReason,
        OffsetDateTime modifiedAt) {

    public static MeetingState of(Meeting meeting) {
        return new MeetingState(
                meeting.id(),
                meeting.kind().name(),
                meeting.status().name(),
                meeting.title(),
                meeting.description(),
                meeting.municipalityCode(),
                meeting.series().orElse(null),
                meeting.coOrganisers(),
                meeting.venue().orElse(null),
                meeting.onlineLink().orElse(null),
                MeetingTime.local(meeting.startsAt()),
                MeetingTime.local(meeting.endsAt()),
                MeetingTime.ZONE.getId(),
                meeting.capacity(),
                meeting.confirmedCount(),
                meeting.seatsLeft(),
                meeting.waitlistLength(),
                meeting.maxPerCompany().orElse(null),
                meeting.registrationOpensAt().map(MeetingTime::local).orElse(null),
                MeetingTime.local(meeting.registrationClosesAt()),
                meeting.audience().name(),
                meeting.approvalRequired(),
                meeting.focusAreas().stream().map(Enum::name).sorted().toList(),
                meeting.sequence(),
                meeting.cancellationReason().orElse(null),
                MeetingTime.local(meeting.modifiedAt()));
    }
}
