package se.techtank.platform.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes calendar entries as an iCalendar document (RFC 5545) that calendar programs import or subscribe to.
 * Times are local Stockholm times with a {@code VTIMEZONE}, so that a meeting at 08:00 stays at 08:00
 * whichever side of a daylight-saving change it falls on; each entry keeps its {@code UID} for ever, and
 * its {@code SEQUENCE} rises when it is rescheduled or cancelled, so that subscribers update the entry they
 * have rather than adding a second one. Written by hand: the part of the format meetings need is small, and
 * not worth a runtime dependency.
 *
 * <p>The one writer for every service: events-service serves a meeting's calendar and the feeds with it,
 * and notifications-service attaches a meeting's calendar to its mails with it, so that both give a
 * meeting the same {@code UID} (see {@link #meetingUid(UUID)}) and {@code SEQUENCE}, and a calendar
 * program treats the attachment and the feed as the same entry.
 */
public final class ICalendar {

    public static final String MEDIA_TYPE = "text/calendar";
    /** What responses and attachments carry as Content-Type: RFC 5545 text is UTF-8. */
    public static final String CONTENT_TYPE = MEDIA_TYPE + "; charset=UTF-8";

    public static final String PRODID = "-//Techtank//Techtank events//SV";
    /** iTIP PUBLISH (RFC 5546) wants an organiser; Techtank's public address. */
    public static final String ORGANISER = "mailto:info@techtank.se";

    /** Subscribed calendars are asked to look again after this long (RFC 7986 and its older X- twin). */
    public static final String REFRESH_INTERVAL = "PT1H";

    /** RFC 5545 §3.1: content lines are folded to at most 75 octets, not counting the line break. */
    public static final int MAX_LINE_OCTETS = 75;

    /**
     * The zone of every time written. Meetings happen in Sweden; the platform knows no service's types, so
     * this is its own constant rather than events-service's {@code MeetingTime.ZONE}.
     */
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    /** Where meetings' UIDs live: the same for every service that writes a meeting's entry. */
    static final String MEETING_UID_DOMAIN = "events.techtank.se";

    private static final String CRLF = "\r\n";
    private static final String TZID = ZONE.getId();
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

    private ICalendar() {}

    /**
     * The UID of a meeting's entry: the same for as long as the meeting exists, and the same whichever
     * service writes it (the feed, a download, a mail's attachment).
     */
    public static String meetingUid(UUID meetingId) {
        return Objects.requireNonNull(meetingId, "meetingId") + "@" + MEETING_UID_DOMAIN;
    }

    /** A calendar of one entry, to download and import or to attach to a mail. */
    public static String event(String calendarName, CalendarEntry entry, Instant now) {
        return calendar(calendarName, List.of(Objects.requireNonNull(entry, "entry")), false, now);
    }

    /** A feed to subscribe to: {@code entries} in order, and a hint to refresh it. */
    public static String feed(String calendarName, List<CalendarEntry> entries, Instant now) {
        return calendar(calendarName, List.copyOf(entries), true, now);
    }

    private static String calendar(String name, List<CalendarEntry> entries, boolean feed, Instant now) {
        Objects.requireNonNull(name, "calendarName");
        Objects.requireNonNull(now, "now");
        ICalendar writer = new ICalendar();
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
        for (CalendarEntry entry : entries) {
            writer.event(entry, stamp);
        }
        writer.line("END:VCALENDAR");
        return writer.out.toString();
    }

    private void event(CalendarEntry entry, Instant stamp) {
        line("BEGIN:VEVENT");
        line("UID:" + text(entry.uid()));
        line("DTSTAMP:" + utc(stamp));
        line("DTSTART" + dateTime(entry.start()));
        line("DTEND" + dateTime(entry.end()));
        line("SEQUENCE:" + entry.sequence());
        line("STATUS:" + entry.status().name());
        line("SUMMARY:" + text(entry.summary()));
        line("DESCRIPTION:" + text(entry.description()));
        entry.location().ifPresent(location -> line("LOCATION:" + text(location)));
        entry.url().ifPresent(url -> line("URL:" + uri(url)));
        line("ORGANIZER;CN=Techtank:" + ORGANISER);
        line("CLASS:PUBLIC");
        line("TRANSP:OPAQUE");
        line("CREATED:" + utc(entry.created()));
        line("LAST-MODIFIED:" + utc(entry.modified()));
        line("END:VEVENT");
    }

    /**
     * {@code ;TZID=Europe/Stockholm:20261015T080000}, local time. The one instant that form cannot name
     * is the second pass through the hour repeated when summer time ends (RFC 5545 reads a repeated local
     * time as the first): that one is written in UTC.
     */
    private static String dateTime(Instant instant) {
        ZonedDateTime local = instant.atZone(ZONE);
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
     * A URI value is not escaped. The services accept links without whitespace only; dropping control
     * characters anyway keeps a bad row from breaking the line structure.
     */
    static String uri(String link) {
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
