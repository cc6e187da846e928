package se.techtank.platform.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The format itself, without a service: the exact text of an entry, folding, escaping, the Stockholm
 * VTIMEZONE against the JDK's rules and the daylight-saving overlap, read back with ical4j (a reader we did
 * not write). events-service's CalendarTest checks what meetings become over HTTP.
 */
class ICalendarTest {

    private static final Instant NOW = Instant.parse("2026-09-01T07:00:00.750Z");

    private static final String VCALENDAR_HEAD = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Techtank//Techtank events//SV
            CALSCALE:GREGORIAN
            METHOD:PUBLISH
            """;

    private static final String X_WR_TIMEZONE = "X-WR-TIMEZONE:Europe/Stockholm\n";

    private static final String VTIMEZONE = """
            BEGIN:VTIMEZONE
            TZID:Europe/Stockholm
            X-LIC-LOCATION:Europe/Stockholm
            BEGIN:DAYLIGHT
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0200
            TZNAME:CEST
            DTSTART:19700329T020000
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
            END:DAYLIGHT
            BEGIN:STANDARD
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            TZNAME:CET
            DTSTART:19701025T030000
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
            END:STANDARD
            END:VTIMEZONE
            """;

    private static final String KARLSHAMN_EVENT = """
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

    @Test
    void one_entry_is_written_exactly_so() {
        String written = ICalendar.event("Branschträff Karlshamn", karlshamn(), NOW);

        assertThat(written)
                .isEqualTo(crlf(VCALENDAR_HEAD
                        + "X-WR-CALNAME:Branschträff Karlshamn\n"
                        + X_WR_TIMEZONE
                        + VTIMEZONE
                        + KARLSHAMN_EVENT
                        + "END:VCALENDAR\n"));
        assertThat(parse(written).validate().getEntries()).isEmpty();
    }

    @Test
    void a_feed_asks_to_be_refreshed_and_keeps_the_order_of_its_entries() {
        CalendarEntry cancelled = entry(
                "b@events.techtank.se",
                Instant.parse("2026-11-05T07:00:00Z"),
                Instant.parse("2026-11-05T09:00:00Z"),
                CalendarEntry.Status.CANCELLED,
                Optional.of("https://meet.example.se/webbinarium?id=7,8;x"));
        CalendarEntry draft = entry(
                "a@events.techtank.se",
                Instant.parse("2026-10-01T06:00:00Z"),
                Instant.parse("2026-10-01T08:00:00Z"),
                CalendarEntry.Status.TENTATIVE,
                Optional.empty());

        String written = ICalendar.feed("Techtank: träffar, och konferenser (1082)", List.of(cancelled, draft), NOW);

        assertThat(written)
                .startsWith(crlf(VCALENDAR_HEAD
                        + "X-WR-CALNAME:Techtank: träffar\\, och konferenser (1082)\n"
                        + X_WR_TIMEZONE
                        + "REFRESH-INTERVAL;VALUE=DURATION:PT1H\n"
                        + "X-PUBLISHED-TTL:PT1H\n"
                        + VTIMEZONE))
                .endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
        Calendar feed = parse(written);
        assertThat(feed.validate().getEntries()).isEmpty();
        List<VEvent> events = feed.getComponents("VEVENT");
        assertThat(events)
                .extracting(event -> value(event, "UID"))
                .containsExactly("b@events.techtank.se", "a@events.techtank.se");
        assertThat(events).extracting(event -> value(event, "STATUS")).containsExactly("CANCELLED", "TENTATIVE");
        assertThat(value(events.get(0), "URL")).isEqualTo("https://meet.example.se/webbinarium?id=7,8;x");
        assertThat(events.get(1).getProperty("URL")).isEmpty();
        assertThat(events.get(1).getProperty("LOCATION")).isEmpty();
        // The wording of a cancellation is the caller's: the summary is written as given.
        assertThat(value(events.get(0), "SUMMARY")).isEqualTo("Träff");
    }

    @Test
    void one_entry_is_no_feed() {
        assertThat(ICalendar.event("Träff", karlshamn(), NOW))
                .doesNotContain("REFRESH-INTERVAL")
                .doesNotContain("X-PUBLISHED-TTL");
        assertThat(ICalendar.feed("Tom", List.of(), NOW)).doesNotContain("BEGIN:VEVENT");
    }

    @Test
    void a_meeting_has_the_same_uid_whichever_service_writes_it() {
        UUID id = UUID.fromString("5b0c1a52-8d7e-4f4e-9a43-0c6f3e1d2a10");

        assertThat(ICalendar.meetingUid(id)).isEqualTo("5b0c1a52-8d7e-4f4e-9a43-0c6f3e1d2a10@events.techtank.se");
    }

    @Test
    void the_time_zone_in_the_calendar_has_the_same_rules_as_stockholm() {
        // ical4j builds the zone of DTSTART from the VTIMEZONE we wrote, not from its own data.
        ZonedDateTime start = (ZonedDateTime) onlyEvent(parse(ICalendar.event("Träff", karlshamn(), NOW)))
                .getDateTimeStart()
                .getDate();
        ZoneRules written = start.getZone().getRules();
        ZoneRules stockholm = ICalendar.ZONE.getRules();

        assertThat(start.getZone()).isNotEqualTo(ICalendar.ZONE);
        Instant until = Instant.parse("2061-01-01T00:00:00Z");
        int transitions = 0;
        for (var transition = stockholm.nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
                transition.getInstant().isBefore(until);
                transition = stockholm.nextTransition(transition.getInstant())) {
            transitions++;
            Instant instant = transition.getInstant();
            for (Instant checked : List.of(instant.minusSeconds(1), instant, instant.plus(Duration.ofHours(12)))) {
                assertThat(written.getOffset(checked))
                        .as("offset at %s", checked)
                        .isEqualTo(stockholm.getOffset(checked));
            }
        }
        assertThat(transitions).isEqualTo(70);
    }

    @Test
    void the_second_pass_through_the_repeated_hour_is_written_in_utc() {
        // 02:30 local happens twice on 2027-10-31: at 00:30Z (summer time) and at 01:30Z (winter time).
        Instant firstPass = Instant.parse("2027-10-31T00:30:00Z");
        Instant secondPass = Instant.parse("2027-10-31T01:30:00Z");
        CalendarEntry entry = entry("overlap@example.se", firstPass, secondPass, CalendarEntry.Status.CONFIRMED);

        String written = ICalendar.event("Natt", entry, NOW);

        assertThat(written)
                .contains("\r\nDTSTART;TZID=Europe/Stockholm:20271031T023000\r\n")
                .contains("\r\nDTEND:20271031T013000Z\r\n");
        VEvent event = onlyEvent(parse(written));
        assertThat(start(event)).isEqualTo(firstPass);
        assertThat(end(event)).isEqualTo(secondPass);
    }

    @Test
    void times_around_the_skipped_hour_stay_local() {
        // The clocks go from 02:00 to 03:00 on 2027-03-28, at 01:00Z.
        Instant before = Instant.parse("2027-03-28T00:30:00Z");
        Instant after = Instant.parse("2027-03-28T01:30:00Z");
        CalendarEntry entry = entry("spring@example.se", before, after, CalendarEntry.Status.CONFIRMED);

        String written = ICalendar.event("Natt", entry, NOW);

        assertThat(written)
                .contains("\r\nDTSTART;TZID=Europe/Stockholm:20270328T013000\r\n")
                .contains("\r\nDTEND;TZID=Europe/Stockholm:20270328T033000\r\n");
        VEvent event = onlyEvent(parse(written));
        assertThat(start(event)).isEqualTo(before);
        assertThat(end(event)).isEqualTo(after);
    }

    @Test
    void texts_are_escaped_and_control_characters_dropped() {
        assertThat(ICalendar.text("a\\b;c,d")).isEqualTo("a\\\\b\\;c\\,d");
        assertThat(ICalendar.text("1\r\n2\r3\n4")).isEqualTo("1\\n2\\n3\\n4");
        assertThat(ICalendar.text("tab\there")).isEqualTo("tab\there");
        assertThat(ICalendar.text("bell\u0007 del\u007f nul\u0000!")).isEqualTo("bell del nul!");
        assertThat(ICalendar.text("Räksmörgås 🚀")).isEqualTo("Räksmörgås 🚀");
    }

    @Test
    void links_are_not_escaped_but_lose_whitespace_and_control_characters() {
        assertThat(ICalendar.uri("https://meet.example.se/w?id=7,8;x")).isEqualTo("https://meet.example.se/w?id=7,8;x");
        assertThat(ICalendar.uri(" https://x.se/a b\r\n\u007f")).isEqualTo("https://x.se/ab");
    }

    @Test
    void long_swedish_texts_are_folded_and_read_back_unchanged() {
        String summary = "Räksmörgås, ölkorv; \\ allt om åäö – ÅÄÖ 🚀 för små företag i Blekinge";
        String description = ("Välkommen till höstens branschträff! Vi pratar om automation, digitalisering; "
                                + "hållbarhet och kompetensförsörjning. Frågor? Mejla oss.\n")
                        .repeat(12)
                + "Sökväg: C:\\Företag\\Å\n\nSista raden – med € och 🚀🚀🚀.";
        String location = "Östra Piren, sal Ö, Ågatan 12; plan 3, 371 33 Karlskrona";
        CalendarEntry entry = new CalendarEntry(
                "long@example.se",
                Instant.parse("2026-10-15T06:00:00Z"),
                Instant.parse("2026-10-15T08:00:00Z"),
                2,
                CalendarEntry.Status.CONFIRMED,
                summary,
                description,
                Optional.of(location),
                Optional.empty(),
                Instant.parse("2026-08-20T12:15:00Z"),
                Instant.parse("2026-09-01T06:55:00Z"));

        String written = ICalendar.event(summary, entry, NOW);

        for (String line : written.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                    .as("octets of %s", line)
                    .isLessThanOrEqualTo(ICalendar.MAX_LINE_OCTETS);
        }
        VEvent event = onlyEvent(parse(written));
        assertThat(value(event, "SUMMARY")).isEqualTo(summary);
        assertThat(value(event, "DESCRIPTION")).isEqualTo(description);
        assertThat(value(event, "LOCATION")).isEqualTo(location);
        assertThat(value(event, "SEQUENCE")).isEqualTo("2");
    }

    @Test
    void folding_never_splits_a_character() {
        for (String text : List.of("å".repeat(200), "🚀".repeat(100), "a" + "€".repeat(100), "ab\\,".repeat(60))) {
            String folded = ICalendar.fold("DESCRIPTION:" + text);
            for (String line : folded.split("\r\n", -1)) {
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
                assertThat(line).doesNotEndWith("\\");
                assertThat(Character.isHighSurrogate(line.charAt(line.length() - 1)))
                        .isFalse();
            }
            assertThat(folded.replace("\r\n ", "")).isEqualTo("DESCRIPTION:" + text);
        }
    }

    @Test
    void a_line_of_75_octets_stays_whole_and_one_more_is_folded() {
        String exact = "X".repeat(ICalendar.MAX_LINE_OCTETS);

        assertThat(ICalendar.fold(exact)).isEqualTo(exact);
        assertThat(ICalendar.fold(exact + "Y")).isEqualTo(exact + "\r\n Y");
    }

    @Test
    void an_entry_has_all_its_parts() {
        assertThatNullPointerException()
                .isThrownBy(() -> new CalendarEntry(
                        "x@example.se",
                        NOW,
                        NOW,
                        0,
                        CalendarEntry.Status.CONFIRMED,
                        "Träff",
                        "Om",
                        null,
                        Optional.empty(),
                        NOW,
                        NOW))
                .withMessage("location");
    }

    // ---- entries and parsing

    private static CalendarEntry karlshamn() {
        return new CalendarEntry(
                ICalendar.meetingUid(UUID.fromString("5b0c1a52-8d7e-4f4e-9a43-0c6f3e1d2a10")),
                Instant.parse("2026-10-15T06:00:00Z"),
                Instant.parse("2026-10-15T08:00:00Z"),
                0,
                CalendarEntry.Status.CONFIRMED,
                "Branschträff Karlshamn",
                "Frukostmöte om automation för tillverkande företag i Karlshamn.",
                Optional.of("Väggaparken konferens, Väggavägen 1, 374 35 Karlshamn"),
                Optional.empty(),
                Instant.parse("2026-08-20T12:15:00Z"),
                Instant.parse("2026-09-01T06:55:00Z"));
    }

    private static CalendarEntry entry(String uid, Instant start, Instant end, CalendarEntry.Status status) {
        return entry(uid, start, end, status, Optional.empty());
    }

    private static CalendarEntry entry(
            String uid, Instant start, Instant end, CalendarEntry.Status status, Optional<String> url) {
        return new CalendarEntry(
                uid,
                start,
                end,
                1,
                status,
                "Träff",
                "Om träffen.",
                Optional.empty(),
                url,
                Instant.parse("2026-08-20T12:15:00Z"),
                Instant.parse("2026-09-01T06:55:00Z"));
    }

    /** The same text with RFC 5545's line ends. */
    private static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    private static Calendar parse(String text) {
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException e) {
            throw new AssertionError("ical4j cannot parse:\n" + text, e);
        }
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String value(VEvent event, String property) {
        Optional<Property> found = event.getProperty(property);
        return found.map(Property::getValue).orElseThrow(() -> new AssertionError("No " + property));
    }

    private static Instant start(VEvent event) {
        return Instant.from((Temporal) event.getDateTimeStart().getDate());
    }

    private static Instant end(VEvent event) {
        return Instant.from((Temporal) event.getDateTimeEnd().getDate());
    }
}
