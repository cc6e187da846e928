package se.techtank.events.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import se.techtank.events.domain.MeetingFilter;
import se.techtank.events.domain.MeetingKind;
import se.techtank.events.domain.MeetingStatus;
import se.techtank.events.domain.MeetingTime;
import se.techtank.kernel.FocusArea;
import se.techtank.kernel.MunicipalityCode;
import se.techtank.platform.problem.FieldError;
import se.techtank.platform.problem.InvalidRequestException;

/** Reads the filters of {@code GET /api/v1/meetings} and the calendar feed; a malformed one is a 400 naming it. */
final class MeetingListParameters {

    private MeetingListParameters() {}

    static MeetingFilter filter(
            String municipality,
            String kind,
            String focusArea,
            String series,
            String from,
            String to,
            List<String> status) {
        List<FieldError> errors = new ArrayList<>();
        String municipalityCode = blankToNull(municipality);
        if (municipalityCode != null && !MunicipalityCode.isValid(municipalityCode)) {
            errors.add(new FieldError("municipality", "must be a Swedish municipality code, e.g. 1082"));
        }
        MeetingKind meetingKind = enumValue("kind", kind, MeetingKind.class, errors);
        FocusArea area = enumValue("focusArea", focusArea, FocusArea.class, errors);
        Instant fromInstant = date("from", from, 0, errors);
        Instant toInstant = date("to", to, 1, errors);
        Set<MeetingStatus> statuses = EnumSet.noneOf(MeetingStatus.class);
        if (status != null) {
            for (String value : status) {
                for (String part : value.split(",")) {
                    MeetingStatus parsed = enumValue("status", part, MeetingStatus.class, errors);
                    if (parsed != null) {
                        statuses.add(parsed);
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The list parameters are invalid.", errors);
        }
        return MeetingFilter.of(
                municipalityCode, meetingKind, area, blankToNull(series), fromInstant, toInstant, statuses);
    }

    /** The start of the day ({@code plusDays} 0) or of the next day (1) in Stockholm. */
    private static Instant date(String name, String value, int plusDays, List<FieldError> errors) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip())
                    .plusDays(plusDays)
                    .atStartOfDay(MeetingTime.ZONE)
                    .toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date, e.g. 2026-10-01"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, List<FieldError> errors) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(
                    name,
                    "must be one of "
                            + String.join(
                                    ", ",
                                    EnumSet.allOf(type).stream().map(Enum::name).toList())));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
