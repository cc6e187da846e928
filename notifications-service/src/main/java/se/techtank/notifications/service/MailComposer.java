package se.techtank.notifications.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

import se.techtank.notifications.config.NotificationsConfig;
import se.techtank.notifications.domain.Delivery;
import se.techtank.notifications.domain.NotificationKind;
import se.techtank.platform.calendar.CalendarEntry;
import se.techtank.platform.calendar.ICalendar;

/**
 * Writes a delivery's mail from its kind's templates ({@code templates/mail/<kind>.<language>.txt} and {@code
 * .html}, e.g. {@code mail/registration-confirmed.sv.txt}) and its model. The text template's first line is
 * the subject, the rest (after one blank line) the body. Mails about a meeting that goes in a calendar carry
 * its {@code .ics}, written by the same iCalendar code as events-service's feeds, with the same UID and
 * SEQUENCE, so that a calendar updates the entry it has.
 */
@ApplicationScoped
public class MailComposer {

    /** Keys a template may test with {@code {#if}} that a model need not have (so that strict rendering holds). */
    static final List<String> OPTIONAL_KEYS = List.of(
            "name",
            "companyName",
            "cancellationLink",
            "reason",
            "waitlistPosition",
            "venueName",
            "venueAddress",
            "onlineLink",
            "previousWhen",
            "registrationStatus",
            "unsubscribeLink",
            "intakeName",
            "membersOnly",
            "programmeDescription",
            "closes");

    private final Engine engine;
    private final UnsubscribeTokens tokens;
    private final NotificationsConfig config;

    MailComposer(Engine engine, UnsubscribeTokens tokens, NotificationsConfig config) {
        this.engine = engine;
        this.tokens = tokens;
        this.config = config;
    }

    /** Whether {@code kind} is a mail (has templates). */
    public boolean writes(NotificationKind kind) {
        return engine.getTemplate(base(kind, "sv") + ".txt") != null;
    }

    private static String base(NotificationKind kind, String language) {
        return "mail/" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + language;
    }

    /** The mail of {@code delivery}, in its recipient's language. */
    public ComposedMail compose(Delivery delivery, Instant now) {
        String base =
                "mail/" + delivery.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + delivery.language();
        Map<String, Object> data = new HashMap<>();
        OPTIONAL_KEYS.forEach(key -> data.put(key, null));
        data.putAll(delivery.model());
        Optional<String> unsubscribe = delivery.kind().transactional()
                ? Optional.empty()
                : Optional.of(config.publicUrl() + "/api/v1/unsubscribe?token="
                        + tokens.token(OptOuts.recipientOf(delivery), delivery.kind()));
        unsubscribe.ifPresent(link -> data.put("unsubscribeLink", link));
        String text = render(base + ".txt", data);
        int split = text.indexOf("\n\n");
        if (split < 0) {
            throw new IllegalStateException(base + ".txt must start with the subject line and a blank line");
        }
        String subject = text.substring(0, split).strip();
        String body = text.substring(split + 2);
        String html = render(base + ".html", data);
        Optional<String> calendar =
                delivery.kind().withCalendar() ? Optional.of(calendar(delivery, now)) : Optional.empty();
        return new ComposedMail(subject, body, html, calendar, unsubscribe);
    }

    private String render(String name, Map<String, Object> data) {
        Template template = engine.getTemplate(name);
        if (template == null) {
            throw new IllegalStateException("No template " + name);
        }
        var instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private static String calendar(Delivery delivery, Instant now) {
        Map<String, Object> model = delivery.model();
        String venue = (String) model.get("venueName");
        String address = (String) model.get("venueAddress");
        Optional<String> onlineLink = Optional.ofNullable((String) model.get("onlineLink"));
        Optional<String> location =
                venue == null ? onlineLink : Optional.of(address == null ? venue : venue + ", " + address);
        boolean cancelled = "CANCELLED".equals(model.get("meetingStatus"));
        String title = (String) model.get("title");
        CalendarEntry entry = new CalendarEntry(
                ICalendar.meetingUid(UUID.fromString((String) model.get("meetingId"))),
                Instant.parse((String) model.get("start")),
                Instant.parse((String) model.get("end")),
                ((Number) model.get("sequence")).intValue(),
                cancelled ? CalendarEntry.Status.CANCELLED : CalendarEntry.Status.CONFIRMED,
                title,
                (String) model.getOrDefault("description", ""),
                location,
                onlineLink,
                delivery.createdAt(),
                delivery.createdAt());
        return ICalendar.event(title, entry, now);
    }

    /**
     * A mail ready to send: subject, text and HTML bodies, the calendar entry when the kind has one, and the
     * one-click unsubscribe link (RFC 8058) when the kind is optional.
     */
    public record ComposedMail(
            String subject, String text, String html, Optional<String> calendar, Optional<String> unsubscribeLink) {}
}
