package se.techtank.events.query;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import se.techtank.events.domain.MeetingKind;
import se.techtank.events.domain.MeetingStatus;
import se.techtank.kernel.FocusArea;

/**
 * What a meeting list asks for. Without a status, the published ones; without a time window, those not
 * yet over. Drafts are only ever listed to those who manage them: {@code draftsOf} is the municipality
 * whose drafts the caller may see, {@link #ALL_MUNICIPALITIES} for staff, {@code null} for nobody.
 */
public record MeetingFilter(
        String municipalityCode,
        MeetingKind kind,
        FocusArea focusArea,
        String series,
        Instant from,
        Instant to,
        Set<MeetingStatus> statuses,
        String draftsOf,
        Instant endsAfter) {

    public static final String ALL_MUNICIPALITIES = "*";

    public static MeetingFilter of(
            String municipalityCode,
            MeetingKind kind,
            FocusArea focusArea,
            String series,
            Instant from,
            Instant to,
            Set<MeetingStatus> statuses) {
        return new MeetingFilter(municipalityCode, kind, focusArea, series, from, to, statuses, null, null);
    }

    /**
     * This filter as the caller may run it.
     *
     * @param draftsOf the municipality whose drafts the caller manages ({@link #ALL_MUNICIPALITIES} for
     *     staff, {@code null} for nobody); a municipality filter narrows it further
     */
    public MeetingFilter visibleTo(String draftsOf, Instant now) {
        Set<MeetingStatus> wanted =
                statuses == null || statuses.isEmpty() ? EnumSet.of(MeetingStatus.PUBLISHED) : EnumSet.copyOf(statuses);
        String drafts = wanted.contains(MeetingStatus.DRAFT) ? draftsOf : null;
        Instant upcoming = from == null && to == null ? now : null;
        return new MeetingFilter(municipalityCode, kind, focusArea, series, from, to, wanted, drafts, upcoming);
    }

    /**
     * This filter without its time bound ({@link #endsAfter}): equal for two reads of the same list at
     * different times (whether they read alike is then a question of the time; see MeetingList.ReadsAlike).
     */
    public MeetingFilter withoutTime() {
        return new MeetingFilter(municipalityCode, kind, focusArea, series, from, to, statuses, draftsOf, null);
    }
}
