package se.techtank.events.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.MeetingStatus;
import se.techtank.events.domain.MeetingTime;

/**
 * Writes meetings as an iCalendar document (RFC 5545) that calendar programs import or subscribe to.
 * Times are local Stockholm times with a {@code VTIMEZONE}, so that a meeting at 08:00 stays at 08:00
 * whichever side of a daylight-saving change it falls on; each meeting keeps its {@code UID} for ever,
 * and its {@code SEQUENCE} rises when it is rescheduled or cancelled, so that subscribers update the
 * entry they have rather than adding a second one. Written by hand: the part of the format meetings need
 * is small, and not worth a runtime dependency.
 */
final class ICalendarWriter {

    static final String MEDIA_TYPE = "text/calendar";
    /** What the responses carry as Content-Type: RFC 5545 text is UTF-8. */
    static final String CONTENT_TYPE = MEDIA_TYPE + "; charset=UTF-8";

    static final String UID_DOMAIN = "events.techtank.se";
    static final String PRODID = "-//Techtank//Techtank events//SV";
    /** iTIP PUBLISH (RFC 5546) wants an organiser; Techtank's public address. */
    static final String ORGANISER = "mailto:info@techtank.se";

    /** Subscribed calendars are asked to look again after this long (RFC 7986 and its older X- twin). */
    static final String REFRESH_INTERVAL = "PT1H";

    /** RFC 5545 §3.1: content lines are folded to at most 75 octets, not counting the line break. */
    static final int MAX_LINE_OCTETS = 75;

    private static final String CRLF = "\r\n";
    private static final String TZID = MeetingTime.ZONE.getId();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * Europe/Stockholm as it has been since 1996 (the EU rule): summer time from the last Sunday of
     * March 02:00 to the last Sunday of October 03:00, local time. Calendar programs take these rules
     * for the TZID rather than guess; a test checks them against the JDK's zone rules.
     */
    private static final List<String> STOCKHOLM = List.of(
            "BEGIN:VTIMEZONE",
            "TZID:" + TZID,
            "X-LIC-LOCATION:" + TZID,
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "TZNAME:CEST",
            "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "TZNAME:CET",
            "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE");

    private final StringBuilder out = new StringBuilder();

    private ICalendarWriter() {}

    /** The calendar of one meeting, to download and import. */
    static String meeting(Meeting meeting, Instant now) {
        return calendar(meeting.title().sv(), List.of(meeting), false, now);
    }

    /** A feed to subscribe to: {@code meetings} in order, and a hint to refresh it. */
    static String feed(String name, List<Meeting> meetings, Instant now) {
        return calendar(name, meetings, true, now);
    }

    /** The UID of a meeting's entry: the same for as long as the meeting exists. */
    static String uid(UUID meetingId) {
        return meetingId + "@" + UID_DOMAIN;
    }

    private static String calendar(String name, List<Meeting> meetings, boolean feed, Instant now) {
        ICalendarWriter writer = new ICalendarWriter();
        writer.line("BEGIN:VCALENDAR");
        writer.line("VERSION:2.0");
        writer.line("PRODID:" + PRODID);
        writer.line("CALSCALE:GREGORIAN");
        writer.line("METHOD:PUBLISH");
        writer.line("X-WR-CALNAME:" + text(name));
        writer.line("X-WR-TIMEZONE:" + TZID);
        if (feed) {
            writer.line("REFRESH-INTERVAL;VALUE=DURATION:" + REFRESH_INTERVAL);
            writer.line("X-PUBLISHED-TTL:" + REFRESH_INTERVAL);
        }
        STOCKHOLM.forEach(writer::line);
        Instant stamp = now.truncatedTo(ChronoUnit.SECONDS);
        for (Meeting meeting : meetings) {
            writer.event(meeting, stamp);
        }
        writer.line("END:VCALENDAR");
        return writer.out.toString();
    }

    private void event(Meeting meeting, Instant stamp) {
        boolean cancelled = meeting.status() == MeetingStatus.CANCELLED;
        line("BEGIN:VEVENT");
        line("UID:" + uid(meeting.id()));
        line("DTSTAMP:" + utc(stamp));
        line("DTSTART" + dateTime(meeting.startsAt()));
        line("DTEND" + dateTime(meeting.endsAt()));
        line("SEQUENCE:" + meeting.sequence());
        line("STATUS:" + status(meeting.status()));
        // Calendars that ignore STATUS (some do, for subscriptions) still show that it is off.
        line("SUMMARY:" + text((cancelled ? "Inställt: " : "") + meeting.title().sv()));
        line("DESCRIPTION:" + text(description(meeting)));
        location(meeting).ifPresent(location -> line("LOCATION:" + text(location)));
        meeting.onlineLink().ifPresent(link -> line("URL:" + uri(link)));
        line("ORGANIZER;CN=Techtank:" + ORGANISER);
        line("CLASS:PUBLIC");
        line("TRANSP:OPAQUE");
        line("CREATED:" + utc(meeting.createdAt()));
        line("LAST-MODIFIED:" + utc(meeting.modifiedAt()));
        line("END:VEVENT");
    }

    /** Drafts (shown to their organisers only) are not yet decided; completed meetings took place. */
    private static String status(MeetingStatus status) {
        return switch (status) {
            case DRAFT -> "TENTATIVE";
            case PUBLISHED, COMPLETED -> "CONFIRMED";
            case CANCELLED -> "CANCELLED";
        };
    }

    private static String description(Meeting meeting) {
        String description = meeting.description().sv();
        if (meeting.status() == MeetingStatus.CANCELLED) {
            String reason =
                    meeting.cancellationReason().map(r -> "Inställt: " + r).orElse("Inställt.");
            return reason + "\n\n" + description;
        }
        return description;
    }

    /** The venue's name and address, or the online link for a meeting held only online. */
    private static Optional<String> location(Meeting meeting) {
        return meeting.venue()
                .map(venue -> venue.address() == null || venue.address().isBlank()
                        ? venue.name()
                        : venue.name() + ", " + venue.address())
                .or(meeting::onlineLink);
    }

    /**
     * {@code ;TZID=Europe/Stockholm:20261015T080000}, local time. The one instant that form cannot name
     * is the second pass through the hour repeated when summer time ends (RFC 5545 reads a repeated local
     * time as the first): that one is written in UTC.
     */
    private static String dateTime(Instant instant) {
        ZonedDateTime local = instant.atZone(MeetingTime.ZONE);
        if (!local.withEarlierOffsetAtOverlap().toInstant().equals(instant)) {
            return ":" + utc(instant);
        }
        LocalDateTime wallClock = local.toLocalDateTime();
        return ";TZID=" + TZID + ":" + LOCAL.format(wallClock);
    }

    private static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /**
     * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, each line break as
     * {@code \n}; other control characters are not allowed in the format and are dropped.
     */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\r' -> {
                    escaped.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> escaped.append("\\n");
                case '\t' -> escaped.append(c);
                default -> {
                    if (c >= 0x20 && c != 0x7f) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /**
     * A URI value is not escaped. The API takes links without whitespace only; dropping control characters
     * anyway keeps a bad row from breaking the line structure.
     */
    private static String uri(String link) {
        return link.codePoints()
                .filter(c -> c > 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    private void line(String contentLine) {
        out.append(fold(contentLine)).append(CRLF);
    }

    /**
     * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets of UTF-8; each continuation
     * starts with one space, which counts. Breaks fall between characters only, never inside a UTF-8
     * sequence or a surrogate pair, and not between a backslash and the character it escapes.
     */
    static String fold(String contentLine) {
        StringBuilder folded = new StringBuilder(contentLine.length() + 8);
        int octets = 0;
        int i = 0;
        while (i < contentLine.length()) {
            int end = i + Character.charCount(contentLine.codePointAt(i));
            if (contentLine.charAt(i) == '\\' && end < contentLine.length()) {
                end += Character.charCount(contentLine.codePointAt(end));
            }
            String unit = contentLine.substring(i, end);
            int size = unit.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_LINE_OCTETS) {
                folded.append(CRLF).append(' ');
                octets = 1;
            }
            folded.append(unit);
            octets += size;
            i = end;
        }
        return folded.toString();
    }
}
