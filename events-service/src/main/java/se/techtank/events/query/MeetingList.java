package se.techtank.events.query;

import java.time.Instant;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;

import se.techtank.events.config.EventsConfig;
import se.techtank.events.domain.Meeting;
import se.techtank.platform.caching.DatabaseSnapshots;
import se.techtank.platform.caching.SnapshotCache;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageRequest;

/**
 * The meeting list as JSON. The public calendar page asks the same few lists over and over: each is
 * rendered once and given back byte for byte while the database snapshot is the same and the time has not
 * changed what it shows (a registration opening or closing, a meeting ending): ADR 0010. Which meetings a
 * caller may list is decided before, by the use case ({@code MeetingService.list}).
 */
@ApplicationScoped
public class MeetingList {

    private final MeetingQueries queries;
    private final DatabaseSnapshots snapshots;
    private final ObjectMapper json;
    private final SnapshotCache<ListKey, RenderedList> lists;

    MeetingList(
            MeetingQueries queries,
            DatabaseSnapshots snapshots,
            ObjectMapper json,
            MeterRegistry registry,
            EventsConfig config) {
        this.queries = queries;
        this.snapshots = snapshots;
        this.json = json;
        this.lists = new SnapshotCache<>("meeting-lists", config.list().rememberedPages(), registry);
    }

    /**
     * One page of the meetings {@code visible} selects at {@code now}, as JSON: the page as {@code
     * representation} shows it, given the page and the time it was read for. {@code representation} must be
     * the same for every call (the resource's representation of a page): a rendering is reused for equal
     * filters and pages whichever call asks.
     */
    public byte[] page(
            MeetingFilter visible,
            PageRequest page,
            Instant now,
            BiFunction<Page<Meeting>, Instant, ?> representation) {
        return snapshots
                .read(
                        lists,
                        new ListKey(visible.withoutTime(), page),
                        rendered -> rendered.readsAlike().at(now),
                        () -> render(visible, page, now, representation))
                .body();
    }

    private RenderedList render(
            MeetingFilter visible,
            PageRequest page,
            Instant now,
            BiFunction<Page<Meeting>, Instant, ?> representation) {
        MeetingQueries.Listed listed = queries.list(visible, page);
        Instant sameUntil = listed.firstEnd();
        for (Meeting meeting : listed.page().items()) {
            Instant change = meeting.registrationOpenChangesAfter(now).orElse(null);
            if (change != null && (sameUntil == null || change.isBefore(sameUntil))) {
                sameUntil = change;
            }
        }
        try {
            byte[] body = json.writeValueAsBytes(representation.apply(listed.page(), now));
            return new RenderedList(body, new ReadsAlike(now, sameUntil));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A meeting list could not be written as JSON", e);
        }
    }

    /** What a list reads, apart from the time: equal keys read alike in the same snapshot at the same time. */
    private record ListKey(MeetingFilter filter, PageRequest page) {}

    /** A list as JSON, and when it reads alike. */
    private record RenderedList(byte[] body, ReadsAlike readsAlike) {}

    /**
     * A list read at {@code from} reads exactly alike (the database unchanged) until {@code until}
     * (exclusive; {@code null}: for ever): the first moment at which a listed meeting's registration opens or
     * closes, or a selected meeting ends and so leaves a list of meetings not yet over (which moves the later
     * pages and the total).
     */
    record ReadsAlike(Instant from, Instant until) {

        /** Whether the list reads at {@code time} exactly as at {@link #from}. */
        boolean at(Instant time) {
            return !time.isBefore(from) && (until == null || time.isBefore(until));
        }
    }
}
