package se.techtank.platform.calendar;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a calendar, as {@link ICalendar} writes it: a {@code VEVENT}. {@code uid} stays the same for
 * as long as the thing it describes exists, and {@code sequence} rises whenever it is rescheduled or
 * cancelled, so that a calendar program updates the entry it has rather than adding a second one. The
 * texts are written as given: wording such as a "cancelled" prefix is the caller's.
 */
public record CalendarEntry(
        String uid,
        Instant start,
        Instant end,
        int sequence,
        Status status,
        String summary,
        String description,
        Optional<String> location,
        Optional<String> url,
        Instant created,
        Instant modified) {

    /** RFC 5545's {@code STATUS} of an event. */
    public enum Status {
        TENTATIVE,
        CONFIRMED,
        CANCELLED
    }

    public CalendarEntry {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
    }
}
