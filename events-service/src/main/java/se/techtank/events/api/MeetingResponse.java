package se.techtank.events.api;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.events.domain.Audience;
import se.techtank.events.domain.CoOrganiser;
import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.MeetingKind;
import se.techtank.events.domain.MeetingStatus;
import se.techtank.events.domain.MeetingTime;
import se.techtank.kernel.FocusArea;

@Schema(
        name = "Meeting",
        description = "A meeting: a branschträff (INDUSTRY_MEETING, held each autumn in every municipality with its "
                + "business office), a conference such as Leankonferens Blekinge, a workshop, a webinar or a "
                + "networking event. Times carry the Europe/Stockholm offset of their day.")
public record MeetingResponse(
        UUID id,

        MeetingStatus status,

        MeetingKind kind,
        MeetingRequest.Text title,
        MeetingRequest.Text description,
        String municipalityCode,
        String series,
        List<CoOrganiser> coOrganisers,
        MeetingRequest.VenueRequest venue,
        String onlineLink,
        @Schema(examples = "2026-10-15T08:00:00+02:00") OffsetDateTime start,
        @Schema(examples = "2026-10-15T10:00:00+02:00") OffsetDateTime end,
        @Schema(examples = "Europe/Stockholm") String timeZone,
        int capacity,
        @Schema(description = "Confirmed seats") int confirmedCount,
        @Schema(description = "Seats still free") int seatsLeft,
        @Schema(description = "People on the waitlist") int waitlistLength,
        Integer maxPerCompany,
        OffsetDateTime registrationOpens,
        OffsetDateTime registrationCloses,

        @Schema(description = "Whether registration is open right now")
        boolean registrationOpen,

        Audience audience,

        boolean approvalRequired,

        @Schema(description = "In alphabetical order") List<FocusArea> focusAreas,

        @Schema(description = "Raised on every reschedule; the calendar entry's SEQUENCE")
        int sequence,

        String cancellationReason,
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt) {

    static MeetingResponse of(Meeting meeting) {
        return of(meeting, java.time.Instant.now());
    }

    /** The meeting as it reads at {@code now} ({@code registrationOpen} depends on the time). */
    static MeetingResponse of(Meeting meeting, java.time.Instant now) {
        return new MeetingResponse(
                meeting.id(),
                meeting.status(),
                meeting.kind(),
                MeetingRequest.Text.of(meeting.title()),
                MeetingRequest.Text.of(meeting.description()),
                meeting.municipalityCode(),
                meeting.series().orElse(null),
                meeting.coOrganisers(),
                meeting.venue()
                        .map(v -> new MeetingRequest.VenueRequest(v.name(), v.address()))
                        .orElse(null),
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
                meeting.isOpenForRegistration(now),
                meeting.audience(),
                meeting.approvalRequired(),
                meeting.focusAreas().stream()
                        .sorted(Comparator.comparing(Enum::name))
                        .toList(),
                meeting.sequence(),
                meeting.cancellationReason().orElse(null),
                MeetingTime.local(meeting.createdAt()),
                MeetingTime.local(meeting.modifiedAt()));
    }
}
