package se.techtank.notifications.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.notifications.domain.Channel;
import se.techtank.notifications.domain.Delivery;
import se.techtank.notifications.domain.NotificationKind;

/**
 * A kind's mail written from sample data, in both languages, as staff check a template before it goes out.
 * Nothing is stored or sent.
 */
@ApplicationScoped
public class Previews {

    /** A sample meeting: Tuesday 8 December 2026 07:30–09:30 in Karlshamn. */
    static final OffsetDateTime SAMPLE_START = OffsetDateTime.parse("2026-12-08T07:30:00+01:00");

    private static final UUID SAMPLE_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private final MailComposer composer;
    private final Clock clock = Clock.systemUTC();

    Previews(MailComposer composer) {
        this.composer = composer;
    }

    /** The kind's mail in Swedish and English; empty for a kind that is not a mail (a webhook). */
    public java.util.Optional<Map<String, MailComposer.ComposedMail>> preview(NotificationKind kind) {
        if (!composer.writes(kind)) {
            return java.util.Optional.empty();
        }
        Map<String, MailComposer.ComposedMail> mails = new java.util.LinkedHashMap<>();
        for (String language : new String[] {"sv", "en"}) {
            Instant now = clock.instant();
            Delivery sample = Delivery.plan(
                    new Delivery.Source("preview", null, "preview"),
                    kind,
                    Channel.EMAIL,
                    new Delivery.Recipient("preview", SAMPLE_ID, null, null, null, "anna.berg@example.se", language),
                    model(language),
                    now,
                    null,
                    now);
            mails.put(language, composer.compose(sample, now));
        }
        return java.util.Optional.of(mails);
    }

    private static Map<String, Object> model(String language) {
        Map<String, Object> model = new HashMap<>();
        Instant start = SAMPLE_START.toInstant();
        Instant end = SAMPLE_START.plusHours(2).toInstant();
        model.put("name", "Anna Berg");
        model.put("companyName", "Karlshamns Gjuteri AB");
        model.put("meetingId", SAMPLE_ID.toString());
        model.put("title", "en".equals(language) ? "Industry meeting Karlshamn" : "Branschträff Karlshamn");
        model.put("description", "");
        model.put("start", start.toString());
        model.put("end", end.toString());
        model.put("when", LocalTimes.span(start, end, language));
        model.put("previousWhen", LocalTimes.span(start.minusSeconds(86_400), end.minusSeconds(86_400), language));
        model.put("sequence", 1);
        model.put("meetingStatus", "PUBLISHED");
        model.put("venueName", "Väggaparken konferens");
        model.put("venueAddress", "Väggavägen 1, 374 35 Karlshamn");
        model.put("cancellationLink", "https://www.techtank.se/avboka?r=" + SAMPLE_ID + "&t=exempel");
        model.put("waitlistPosition", 3);
        model.put(
                "reason", "en".equals(language) ? "The meeting is for manufacturers." : "Träffen är för tillverkare.");
        model.put("programmeName", "Robotlyftet");
        model.put("intakeName", "en".equals(language) ? "Autumn 2027" : "Hösten 2027");
        model.put(
                "programmeDescription",
                "en".equals(language)
                        ? "Automation for small and medium manufacturers."
                        : "Automation för små och medelstora tillverkare.");
        model.put("closes", LocalTimes.at(SAMPLE_START.plusMonths(2).toInstant(), language));
        model.put("membersOnly", false);
        return model;
    }
}
