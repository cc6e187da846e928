package se.techtank.notifications.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as a person reads them in a mail, in Stockholm time: "tisdag 8 december 2026 kl. 07:30" or
 * "Tuesday 8 December 2026 at 07:30"; a span within one day names the day once ("… kl. 07:30–09:00").
 */
public final class LocalTimes {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private static final DateTimeFormatter SV =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("sv-SE"));
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private LocalTimes() {}

    /** One moment, in {@code language} ({@code sv} unless {@code en}). */
    public static String at(Instant instant, String language) {
        return formatter(language).format(instant.atZone(STOCKHOLM));
    }

    /** A meeting's time: start to end, the day once when both fall on it. */
    public static String span(Instant start, Instant end, String language) {
        ZonedDateTime from = start.atZone(STOCKHOLM);
        ZonedDateTime to = end.atZone(STOCKHOLM);
        String first = formatter(language).format(from);
        if (from.toLocalDate().equals(to.toLocalDate())) {
            return first + "–" + CLOCK.format(to);
        }
        return first + " – " + formatter(language).format(to);
    }

    private static DateTimeFormatter formatter(String language) {
        return "en".equals(language) ? EN : SV;
    }
}
