package se.techtank.events.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.MeetingStatus;
import se.techtank.platform.calendar.CalendarEntry;
import se.techtank.platform.calendar.ICalendar;

/**
 * Meetings as calendar entries, written by the platform's {@link ICalendar}, the writer notifications-service
 * uses for its attachments too. What is the events domain's stays here: which status a meeting shows as,
 * the Swedish texts, and where it takes place.
 */
final class MeetingCalendar {

    private static final String CANCELLED = "Inställt";

    private MeetingCalendar() {}

    /**
     * The calendar of one meeting, to download and import. Its {@code DTSTAMP} is when the meeting last
     * changed, not when it was written: the same meeting gives the same bytes, so a client that asks again
     * with the {@code ETag} it has gets 304.
     */
    static String meeting(Meeting meeting) {
        return ICalendar.event(meeting.title().sv(), entry(meeting), meeting.modifiedAt());
    }

    /** A feed to subscribe to: {@code meetings} in order, and a hint to refresh it; stamped as {@link #meeting}. */
    static String feed(String name, List<Meeting> meetings) {
        Instant lastChange = meetings.stream()
                .map(Meeting::modifiedAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        return ICalendar.feed(
                name, meetings.stream().map(MeetingCalendar::entry).toList(), lastChange);
    }

    private static CalendarEntry entry(Meeting meeting) {
        boolean cancelled = meeting.status() == MeetingStatus.CANCELLED;
        return new CalendarEntry(
                ICalendar.meetingUid(meeting.id()),
                meeting.startsAt(),
                meeting.endsAt(),
                meeting.sequence(),
                status(meeting.status()),
                // Calendars that ignore STATUS (some do, for subscriptions) still show that it is off.
                (cancelled ? CANCELLED + ": " : "") + meeting.title().sv(),
                description(meeting),
                location(meeting),
                meeting.onlineLink(),
                meeting.createdAt(),
                meeting.modifiedAt());
    }

    /** Drafts (shown to their organisers only) are not yet decided; completed meetings took place. */
    private static CalendarEntry.Status status(MeetingStatus status) {
        return switch (status) {
            case DRAFT -> CalendarEntry.Status.TENTATIVE;
            case PUBLISHED, COMPLETED -> CalendarEntry.Status.CONFIRMED;
            case CANCELLED -> CalendarEntry.Status.CANCELLED;
        };
    }

    private static String description(Meeting meeting) {
        String description = meeting.description().sv();
        if (meeting.status() == MeetingStatus.CANCELLED) {
            String reason =
                    meeting.cancellationReason().map(r -> CANCELLED + ": " + r).orElse(CANCELLED + ".");
            return reason + "\n\n" + description;
        }
        return description;
    }

    /** The venue's name and address, or the online link for a meeting held only online. */
    private static Optional<String> location(Meeting meeting) {
        return meeting.venue()
                .map(venue -> venue.address() == null || venue.address().isBlank()
                        ? venue.name()
                        : venue.name() + ", " + venue.address())
                .or(meeting::onlineLink);
    }
}
