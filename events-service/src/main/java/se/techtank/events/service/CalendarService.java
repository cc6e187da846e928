package se.techtank.events.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.MeetingKind;
import se.techtank.events.domain.MeetingStatus;
import se.techtank.events.query.CalendarQueries;

/**
 * The meetings that calendars show: one meeting as its reader may see it, or the public feed that
 * calendar programs subscribe to.
 */
@ApplicationScoped
public class CalendarService {

    /**
     * The feed keeps meetings this long after they ended, so that subscribers' calendars keep recent
     * ones (and learn of late cancellations) rather than see them vanish the day after.
     */
    public static final Duration FEED_HISTORY = Duration.ofDays(90);

    /** The most meetings one feed holds, the soonest first; far more than a year of Techtank's meetings. */
    public static final int FEED_LIMIT = 500;

    /**
     * Everyone may see these. Cancelled meetings stay in the feed so that subscribers' calendars learn
     * of the cancellation (their entry is marked cancelled); completed ones so that they do not vanish.
     */
    private static final EnumSet<MeetingStatus> IN_FEED =
            EnumSet.of(MeetingStatus.PUBLISHED, MeetingStatus.CANCELLED, MeetingStatus.COMPLETED);

    private final MeetingAccess access;
    private final CalendarQueries queries;
    private final Clock clock = Clock.systemUTC();

    CalendarService(MeetingAccess access, CalendarQueries queries) {
        this.access = access;
        this.queries = queries;
    }

    /** The meeting if the caller may see it (drafts their organisers only); otherwise not found. */
    @Transactional
    public Meeting meeting(UUID id) {
        return access.visible(id);
    }

    /**
     * The meetings of the public feed: never drafts, none that ended more than {@link #FEED_HISTORY}
     * ago, at most {@link #FEED_LIMIT}, ordered by start. Each filter narrows it when not null.
     */
    @Transactional
    public List<Meeting> feed(String municipalityCode, MeetingKind kind, String series) {
        return queries.feed(IN_FEED, now().minus(FEED_HISTORY), municipalityCode, kind, series, FEED_LIMIT);
    }

    private Instant now() {
        return clock.instant();
    }
}
