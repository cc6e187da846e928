package se.techtank.events.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import se.techtank.kernel.FocusArea;
import se.techtank.kernel.LocalizedText;

/**
 * Everything staff plan about a meeting, already checked field by field (see {@link #check()} for the
 * rules between fields). Times are instants; the API takes and shows them in Stockholm local time.
 */
public record MeetingDetails(
        MeetingKind kind,
        LocalizedText title,
        LocalizedText description,
        String municipalityCode,
        String series,
        List<CoOrganiser> coOrganisers,
        Venue venue,
        String onlineLink,
        Instant startsAt,
        Instant endsAt,
        int capacity,
        Integer maxPerCompany,
        Instant registrationOpensAt,
        Instant registrationClosesAt,
        Audience audience,
        boolean approvalRequired,
        Set<FocusArea> focusAreas) {

    /** Where a meeting takes place. */
    public record Venue(String name, String address) {}

    public MeetingDetails {
        coOrganisers = coOrganisers == null ? List.of() : List.copyOf(coOrganisers);
        focusAreas = focusAreas == null ? Set.of() : Set.copyOf(focusAreas);
    }

    /** Whether the time or the place differ: a published meeting that changes these is rescheduled. */
    public boolean reschedules(MeetingDetails before) {
        return !startsAt.equals(before.startsAt)
                || !endsAt.equals(before.endsAt)
                || !Objects.equals(venue, before.venue)
                || !Objects.equals(onlineLink, before.onlineLink);
    }
}
