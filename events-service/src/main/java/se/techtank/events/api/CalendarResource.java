package se.techtank.events.api;

import java.time.Duration;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.events.query.MeetingFilter;
import se.techtank.events.service.CalendarService;
import se.techtank.platform.calendar.ICalendar;
import se.techtank.platform.http.ConditionalGet;
import se.techtank.platform.http.Revalidatable;

/**
 * The public meetings as an iCalendar (RFC 5545) feed that calendar programs subscribe to: rescheduled
 * and cancelled meetings update the entries subscribers already have. One meeting's calendar is
 * {@link MeetingCalendarResource}.
 */
@Path("/api/v1/calendar.ics")
@Tag(name = CalendarResource.TAG, description = CalendarResource.TAG_DESCRIPTION)
@SecurityRequirement(name = "bearer")
@PermitAll
@Produces(ICalendar.MEDIA_TYPE)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
public class CalendarResource {

    static final String TAG = "Calendars";
    static final String TAG_DESCRIPTION = "Meetings in iCalendar format (RFC 5545) for Outlook, Google Calendar, "
            + "Apple Calendar and others: one meeting to add, or a feed to subscribe to. Times are local times in "
            + "Europe/Stockholm with the zone's rules included; each meeting keeps its UID, and its SEQUENCE rises "
            + "when it is rescheduled or cancelled.";

    private static final String EXAMPLE_ZONE = """
            X-WR-TIMEZONE:Europe/Stockholm
            BEGIN:VTIMEZONE
            TZID:Europe/Stockholm
            …
            END:VTIMEZONE
            """;

    private static final String EXAMPLE_EVENT = """
            BEGIN:VEVENT
            UID:5b0c1a52-8d7e-4f4e-9a43-0c6f3e1d2a10@events.techtank.se
            DTSTAMP:20260901T070000Z
            DTSTART;TZID=Europe/Stockholm:20261015T080000
            DTEND;TZID=Europe/Stockholm:20261015T100000
            SEQUENCE:0
            STATUS:CONFIRMED
            SUMMARY:Branschträff Karlshamn
            DESCRIPTION:Frukostmöte om automation för tillverkande företag i Karlsha
             mn.
            LOCATION:Väggaparken konferens\\, Väggavägen 1\\, 374 35 Karlshamn
            ORGANIZER;CN=Techtank:mailto:info@techtank.se
            CLASS:PUBLIC
            TRANSP:OPAQUE
            CREATED:20260820T121500Z
            LAST-MODIFIED:20260901T065500Z
            END:VEVENT
            """;

    private static final String EXAMPLE_HEAD = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Techtank//Techtank events//SV
            CALSCALE:GREGORIAN
            METHOD:PUBLISH
            """;

    /** One meeting's calendar, its time zone shortened (lines end with CRLF in the real thing). */
    static final String MEETING_EXAMPLE =
            EXAMPLE_HEAD + "X-WR-CALNAME:Branschträff Karlshamn\n" + EXAMPLE_ZONE + EXAMPLE_EVENT + "END:VCALENDAR\n";

    /** A feed with one meeting, its time zone shortened. */
    static final String FEED_EXAMPLE = EXAMPLE_HEAD
            + "X-WR-CALNAME:Techtank: Branschträffar hösten 2026 (1082)\n"
            + "REFRESH-INTERVAL;VALUE=DURATION:PT1H\nX-PUBLISHED-TTL:PT1H\n"
            + EXAMPLE_ZONE + EXAMPLE_EVENT + "END:VCALENDAR\n";

    /** How long a calendar client or cache may keep a calendar before asking again (with its ETag). */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final CalendarService calendars;
    private final HttpHeaders headers;

    CalendarResource(CalendarService calendars, HttpHeaders headers) {
        this.calendars = calendars;
        this.headers = headers;
    }

    @GET
    @Revalidatable
    // Anonymous by design: an empty requirement list tells clients to send no token.
    @SecurityRequirements
    @Operation(
            operationId = "getCalendarFeed",
            summary = "Subscribe to meetings",
            description = "A calendar feed (webcal) of the public meetings, soonest first: those not yet over "
                    + "and those that ended in the last 90 days, at most 500. Cancelled meetings stay in it with "
                    + "`STATUS:CANCELLED`, so that subscribers' calendars drop them, and so do completed ones; "
                    + "drafts never appear. `municipality`, `kind` and `series` narrow it. Calendar programs are "
                    + "asked to refresh it hourly. Lines end with CRLF.")
    @APIResponse(
            responseCode = "200",
            description = "The feed (`text/calendar; charset=UTF-8`)",
            content =
                    @Content(
                            mediaType = ICalendar.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING),
                            example = FEED_EXAMPLE))
    @APIResponse(responseCode = "400", description = "A bad municipality code or kind")
    public Response feed(@BeanParam CalendarFeedParameters filters) {
        MeetingFilter filter = filters.filter();
        var meetings = calendars.feed(filter.municipalityCode(), filter.kind(), filter.series());
        return ConditionalGet.of(
                        headers, MeetingCalendar.feed(feedName(filter), meetings), ICalendar.CONTENT_TYPE, MAX_AGE)
                .build();
    }

    /** What a calendar program calls the subscription, e.g. "Techtank: Branschträffar hösten 2026 (1082)". */
    private static String feedName(MeetingFilter filter) {
        String name = "Techtank: " + (filter.series() == null ? "träffar och konferenser" : filter.series());
        return filter.municipalityCode() == null ? name : name + " (" + filter.municipalityCode() + ")";
    }
}
