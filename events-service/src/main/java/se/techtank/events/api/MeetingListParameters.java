package se.techtank.events.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import se.techtank.events.domain.MeetingKind;
import se.techtank.events.domain.MeetingStatus;
import se.techtank.events.domain.MeetingTime;
import se.techtank.events.query.MeetingFilter;
import se.techtank.kernel.FocusArea;
import se.techtank.kernel.MunicipalityCode;
import se.techtank.platform.query.QueryParameters;

/**
 * The filters of {@code GET /api/v1/meetings}, taken as {@code @BeanParam}; a malformed one is a 400 naming
 * it. The calendar feed reads three of them ({@link CalendarFeedParameters}) the same way.
 */
public class MeetingListParameters {

    @QueryParam("municipality")
    @Parameter(description = "SCB municipality code", example = "1082")
    String municipality;

    @QueryParam("kind")
    @Parameter(description = "Kind of meeting", example = "INDUSTRY_MEETING")
    String kind;

    @QueryParam("focusArea")
    @Parameter(description = "Meetings serving this focus area", example = "AUTOMATION")
    String focusArea;

    @QueryParam("series")
    @Parameter(description = "Meetings of this series", example = "Branschträffar hösten 2026")
    String series;

    @QueryParam("from")
    @Parameter(description = "Starting on or after this date", example = "2026-09-01")
    String from;

    @QueryParam("to")
    @Parameter(description = "Starting on or before this date", example = "2026-12-31")
    String to;

    @QueryParam("status")
    @Parameter(description = "Status (repeatable); PUBLISHED if absent", example = "PUBLISHED")
    List<String> status;

    MeetingFilter filter() {
        return filter(municipality, kind, focusArea, series, from, to, status);
    }

    static MeetingFilter filter(
            String municipality,
            String kind,
            String focusArea,
            String series,
            String from,
            String to,
            List<String> status) {
        QueryParameters parameters = new QueryParameters();
        String municipalityCode = QueryParameters.text(municipality);
        if (municipalityCode != null && !MunicipalityCode.isValid(municipalityCode)) {
            parameters.reject("municipality", "must be a Swedish municipality code, e.g. 1082");
        }
        MeetingKind meetingKind = parameters.oneOf("kind", kind, MeetingKind.class);
        FocusArea area = parameters.oneOf("focusArea", focusArea, FocusArea.class);
        Instant fromInstant = startOf(parameters.date("from", from), 0);
        Instant toInstant = startOf(parameters.date("to", to), 1);
        Set<MeetingStatus> statuses = parameters.allOf("status", status, MeetingStatus.class);
        parameters.throwIfInvalid("The list parameters are invalid.");
        return MeetingFilter.of(
                municipalityCode, meetingKind, area, QueryParameters.text(series), fromInstant, toInstant, statuses);
    }

    /** The start of the day ({@code plusDays} 0) or of the next day (1) in Stockholm. */
    private static Instant startOf(LocalDate date, int plusDays) {
        return date == null
                ? null
                : date.plusDays(plusDays).atStartOfDay(MeetingTime.ZONE).toInstant();
    }
}
