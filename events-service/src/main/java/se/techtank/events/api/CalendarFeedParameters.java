package se.techtank.events.api;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import se.techtank.events.query.MeetingFilter;

/** The filters of the calendar feed, taken as {@code @BeanParam}: three of the meeting list's, read alike. */
public class CalendarFeedParameters {

    @QueryParam("municipality")
    @Parameter(description = "SCB municipality code", example = "1082")
    String municipality;

    @QueryParam("kind")
    @Parameter(description = "Kind of meeting", example = "INDUSTRY_MEETING")
    String kind;

    @QueryParam("series")
    @Parameter(description = "Meetings of this series", example = "Branschträffar hösten 2026")
    String series;

    MeetingFilter filter() {
        return MeetingListParameters.filter(municipality, kind, null, series, null, null, null);
    }
}
