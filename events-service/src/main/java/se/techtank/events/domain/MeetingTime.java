package se.techtank.events.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Meetings happen in Sweden: they are planned in local time in {@code Europe/Stockholm}, stored as
 * instants, and shown with the offset of that day (+01:00 in winter, +02:00 in summer).
 */
public final class MeetingTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private MeetingTime() {}

    /**
     * The instant of a local Stockholm time; empty when that local time does not exist (the hour skipped
     * when daylight saving time starts). In the hour that repeats when it ends, the earlier one (summer
     * time) is meant.
     */
    public static Optional<Instant> instantOf(LocalDateTime local) {
        if (local == null || ZONE.getRules().getValidOffsets(local).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(local.atZone(ZONE).toInstant());
    }

    /** The instant with Stockholm's offset on that day. */
    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
