package se.techtank.events.api;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.events.domain.Meeting;
import se.techtank.events.service.CalendarService;
import se.techtank.platform.calendar.ICalendar;
import se.techtank.platform.http.ConditionalGet;
import se.techtank.platform.http.Revalidatable;

/**
 * One meeting as an iCalendar (RFC 5545) file to add to a calendar. A class of its own, with the full
 * path: JAX-RS picks the root resource by the longest matching class path, so that under
 * {@code /api/v1} this path would be routed to {@link MeetingResource} and not found there.
 */
@Path("/api/v1/meetings/{id}/calendar.ics")
@Tag(name = CalendarResource.TAG, description = CalendarResource.TAG_DESCRIPTION)
@SecurityRequirement(name = "bearer")
@PermitAll
@Produces(ICalendar.MEDIA_TYPE)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
public class MeetingCalendarResource {

    private final CalendarService calendars;
    private final HttpHeaders headers;

    MeetingCalendarResource(CalendarService calendars, HttpHeaders headers) {
        this.calendars = calendars;
        this.headers = headers;
    }

    @GET
    @Revalidatable
    // Anonymous callers are served, and a token changes the answer (see the description): optional bearer.
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(
            operationId = "getMeetingCalendar",
            summary = "A meeting as a calendar entry",
            description = "The meeting as an iCalendar file with one VEVENT, to open in a calendar program "
                    + "(`Content-Disposition: attachment`). Anyone, once published; a draft only its organisers "
                    + "(as TENTATIVE). A cancelled meeting has `STATUS:CANCELLED`; SEQUENCE rises on every "
                    + "reschedule and on cancelling, so that importing it again updates the entry. Lines end "
                    + "with CRLF.")
    @APIResponse(
            responseCode = "200",
            description = "The meeting's calendar (`text/calendar; charset=UTF-8`)",
            headers =
                    @Header(
                            name = HttpHeaders.CONTENT_DISPOSITION,
                            description = "`attachment` with a file name",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = ICalendar.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING),
                            example = CalendarResource.MEETING_EXAMPLE))
    @APIResponse(responseCode = "404", description = "Unknown meeting, or a draft the caller does not organise")
    public Response meeting(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        Meeting meeting = calendars.meeting(id);
        return ConditionalGet.of(
                        headers, MeetingCalendar.meeting(meeting), ICalendar.CONTENT_TYPE, CalendarResource.MAX_AGE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"meeting-" + meeting.id() + ".ics\"")
                .build();
    }
}
