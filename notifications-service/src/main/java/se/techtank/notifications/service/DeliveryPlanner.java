package se.techtank.notifications.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.techtank.notifications.config.NotificationsConfig;
import se.techtank.notifications.domain.Channel;
import se.techtank.notifications.domain.Contact;
import se.techtank.notifications.domain.ContactRepository;
import se.techtank.notifications.domain.Delivery;
import se.techtank.notifications.domain.DeliveryRepository;
import se.techtank.notifications.domain.Meeting;
import se.techtank.notifications.domain.MeetingRepository;
import se.techtank.notifications.domain.MembershipDecision;
import se.techtank.notifications.domain.NotificationKind;
import se.techtank.notifications.domain.Registration;
import se.techtank.notifications.domain.RegistrationRepository;
import se.techtank.notifications.domain.SuppressionReason;
import se.techtank.platform.events.IncomingEvent;

/**
 * Turns an event into the deliveries it calls for, in the transaction that records the event in the inbox:
 * each at most once per recipient and channel (the table's unique key), SUPPRESSED with its reason when it
 * must not go out (an old event, no address), PENDING otherwise. The senders are woken once the transaction
 * commits. What a template shows is stored with the delivery (its model), so the sender needs nothing else.
 */
@ApplicationScoped
public class DeliveryPlanner {

    /** Who is told that a meeting moved: everyone still expecting to come or hoping to. */
    static final List<String> RESCHEDULE_AUDIENCE = List.of("CONFIRMED", "WAITLISTED", "PENDING_APPROVAL");

    /** Plain Jackson, as Hibernate reads the model column back. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeliveryRepository deliveries;
    private final ContactRepository contacts;
    private final MeetingRepository meetings;
    private final RegistrationRepository registrations;
    private final Event<DeliveriesPlanned> planned;
    private final NotificationsConfig config;
    private final Clock clock = Clock.systemUTC();

    DeliveryPlanner(
            DeliveryRepository deliveries,
            ContactRepository contacts,
            MeetingRepository meetings,
            RegistrationRepository registrations,
            Event<DeliveriesPlanned> planned,
            NotificationsConfig config) {
        this.deliveries = deliveries;
        this.contacts = contacts;
        this.meetings = meetings;
        this.registrations = registrations;
        this.planned = planned;
        this.config = config;
    }

    /**
     * A membership decision, as it arrives: a mail to each contact person with an address the company had
     * when the decision was made. The ones projected later are told when they arrive
     * ({@link #membership(MembershipDecision, Contact)}).
     */
    public int membership(IncomingEvent event, MembershipDecision decision) {
        Instant now = clock.instant();
        boolean stale = stale(event, now);
        int count = 0;
        for (Contact contact : contacts.reachableOf(decision.companyId())) {
            if (contact.existedAt(decision.decidedAt())) {
                count += membership(decision, contact, stale, now);
            }
        }
        return count;
    }

    /** A decision still news, to a contact person who arrived after it: the same mail, planned once. */
    public int membership(MembershipDecision decision, Contact contact) {
        Instant now = clock.instant();
        return membership(decision, contact, decision.decidedAt().isBefore(now.minus(config.maxEventAge())), now);
    }

    private int membership(MembershipDecision decision, Contact contact, boolean stale, Instant now) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", contact.name());
        model.put("companyName", decision.companyName());
        return plan(
                Delivery.Source.event(decision.eventId(), decision.eventType()),
                stale,
                decision.kind(),
                Delivery.Recipient.contact(contact.id(), contact.email(), contact.language()),
                model,
                now,
                now);
    }

    /**
     * A registration's news, to its attendee; {@code registration} is the event's payload
     * (events.registration.v1).
     */
    public int registration(IncomingEvent event, NotificationKind kind, JsonNode registration) {
        UUID registrationId =
                UUID.fromString(registration.path("registrationId").asText());
        UUID meetingId = UUID.fromString(registration.path("meetingId").asText());
        JsonNode attendee = registration.path("attendee");
        String language = language(attendee.path("language").asText(null));
        Meeting known = meetings.findById(meetingId);
        Map<String, Object> model = meetingModel(meetingId, registration.path("meeting"), known, language);
        model.put("registrationId", registrationId.toString());
        model.put("name", attendee.path("name").asText(null));
        putText(model, "cancellationLink", registration.path("cancellationLink"));
        putText(model, "reason", registration.path("cancellationReason"));
        if (registration.hasNonNull("waitlistPosition")) {
            model.put("waitlistPosition", registration.get("waitlistPosition").asInt());
        }
        String address = attendee.path("email").asText(null);
        return plan(
                event, kind, Delivery.Recipient.attendee(registrationId, address, language), model, clock.instant());
    }

    /** A meeting moved: a new time (and calendar entry) to everyone registered who may still come. */
    public int rescheduled(IncomingEvent event, Meeting meeting, Instant previousStart, Instant previousEnd) {
        Instant now = clock.instant();
        int count = 0;
        JsonNode state = parse(meeting.state());
        for (Registration registration : registrations.reachableOf(meeting.id(), RESCHEDULE_AUDIENCE)) {
            String language = language(registration.language());
            Map<String, Object> model = meetingModel(meeting.id(), state, meeting, language);
            model.put("registrationId", registration.id().toString());
            model.put("name", registration.attendeeName());
            model.put("registrationStatus", registration.status());
            if (registration.cancellationLink() != null) {
                model.put("cancellationLink", registration.cancellationLink());
            }
            if (previousStart != null && previousEnd != null) {
                model.put("previousWhen", LocalTimes.span(previousStart, previousEnd, language));
            }
            count += plan(
                    event,
                    NotificationKind.MEETING_RESCHEDULED,
                    Delivery.Recipient.attendee(registration.id(), registration.attendeeEmail(), language),
                    model,
                    now);
        }
        return count;
    }

    /**
     * An announcement (a meeting published, an intake opened) to the contact persons of the companies in
     * {@code companies} who have given the kind's consent; the ones who have not are recorded as SUPPRESSED
     * (NO_CONSENT), so the log shows who was left out and why.
     */
    public int announcement(
            IncomingEvent event, NotificationKind kind, List<UUID> companies, Map<String, Map<String, Object>> models) {
        Instant now = clock.instant();
        String consent = kind.consent().orElseThrow();
        int count = 0;
        for (Contact contact : contacts.reachableOf(companies)) {
            String language = language(contact.language());
            Map<String, Object> model = new HashMap<>(models.get(language));
            model.put("name", contact.name());
            Delivery.Recipient recipient = Delivery.Recipient.contact(contact.id(), contact.email(), language);
            if (!contact.consented(consent)) {
                Delivery suppressed = Delivery.plan(
                        Delivery.Source.event(UUID.fromString(event.id()), event.type()),
                        kind,
                        Channel.EMAIL,
                        recipient,
                        model,
                        now,
                        SuppressionReason.NO_CONSENT,
                        now);
                count += deliveries.planOnce(suppressed, json(suppressed.model())) ? 1 : 0;
                continue;
            }
            count += plan(event, kind, recipient, model, now);
        }
        return count;
    }

    /**
     * An application's news, to the contact person named on it; {@code application} is the event's payload
     * (programmes.application.v1), {@code programme} the programme's last known state, if any.
     */
    public int application(
            IncomingEvent event, NotificationKind kind, JsonNode application, Optional<JsonNode> programme) {
        UUID applicationId = UUID.fromString(application.path("applicationId").asText());
        JsonNode contact = application.path("contact");
        String language = language(contact.path("language").asText("sv").toLowerCase(Locale.ROOT));
        Map<String, Object> model = new HashMap<>();
        model.put("name", contact.path("name").asText(null));
        model.put("companyName", application.path("company").path("name").asText(""));
        String code = application.path("programmeCode").asText("");
        model.put(
                "programmeName",
                programme.map(p -> localized(p.path("name"), language)).orElse(code));
        String intakeId = application.path("intakeId").asText("");
        programme.flatMap(p -> intakeName(p, intakeId)).ifPresent(name -> model.put("intakeName", name));
        String address = contact.path("email").asText(null);
        return plan(
                event, kind, Delivery.Recipient.applicant(applicationId, address, language), model, clock.instant());
    }

    /**
     * The reminder of a confirmed registration: due at {@code reminder-time} (Stockholm) the day before the
     * meeting starts, for this version of its time ({@code meeting}'s sequence). None when that time has
     * passed (confirmed too late), when the event is old news, or when the attendee cannot be written to.
     */
    public int reminder(IncomingEvent event, Registration registration, Meeting meeting) {
        Instant now = clock.instant();
        Instant dueAt = reminderDue(meeting.startsAt(), config.reminderTime());
        if (!dueAt.isAfter(now) || stale(event, now) || registration.attendeeEmail() == null) {
            return 0;
        }
        String language = language(registration.language());
        Map<String, Object> model = meetingModel(meeting.id(), parse(meeting.state()), meeting, language);
        model.put("registrationId", registration.id().toString());
        model.put("name", registration.attendeeName());
        if (registration.cancellationLink() != null) {
            model.put("cancellationLink", registration.cancellationLink());
        }
        return plan(
                Delivery.Source.reminder(meeting.id(), meeting.sequence()),
                false,
                NotificationKind.MEETING_REMINDER,
                Delivery.Recipient.attendee(registration.id(), registration.attendeeEmail(), language),
                model,
                dueAt,
                now);
    }

    /**
     * When a meeting starting at {@code start} is reminded of: {@code time} on the local (Stockholm) day before
     * its start day, with that day's offset, so a reminder stays at 09:00 across a daylight-saving change.
     */
    public static Instant reminderDue(Instant start, LocalTime time) {
        LocalDate day = start.atZone(LocalTimes.STOCKHOLM).toLocalDate().minusDays(1);
        return day.atTime(time).atZone(LocalTimes.STOCKHOLM).toInstant();
    }

    private static Optional<String> intakeName(JsonNode programme, String intakeId) {
        for (JsonNode intake : programme.path("intakes")) {
            if (intakeId.equals(intake.path("intakeId").asText())) {
                return Optional.ofNullable(intake.path("name").asText(null));
            }
        }
        return Optional.empty();
    }

    private int plan(
            IncomingEvent event,
            NotificationKind kind,
            Delivery.Recipient recipient,
            Map<String, Object> model,
            Instant now) {
        return plan(
                Delivery.Source.event(UUID.fromString(event.id()), event.type()),
                stale(event, now),
                kind,
                recipient,
                model,
                now,
                now);
    }

    private int plan(
            Delivery.Source source,
            boolean stale,
            NotificationKind kind,
            Delivery.Recipient recipient,
            Map<String, Object> model,
            Instant dueAt,
            Instant now) {
        SuppressionReason suppressed = null;
        if (stale) {
            suppressed = SuppressionReason.STALE;
        } else if (recipient.address() == null || recipient.address().isBlank()) {
            suppressed = SuppressionReason.NO_ADDRESS;
        }
        Delivery delivery = Delivery.plan(source, kind, Channel.EMAIL, recipient, model, dueAt, suppressed, now);
        boolean planned = deliveries.planOnce(delivery, json(delivery.model()));
        if (planned && suppressed == null) {
            this.planned.fire(new DeliveriesPlanned(Channel.EMAIL));
        }
        return planned ? 1 : 0;
    }

    private static String json(Map<String, Object> model) {
        try {
            return JSON.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A delivery's model must be JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Older than {@code max-event-age}: a replay or a very late event, not news to mail about. */
    private boolean stale(IncomingEvent event, Instant now) {
        OffsetDateTime time = event.time();
        return time != null && time.toInstant().isBefore(now.minus(config.maxEventAge()));
    }

    /**
     * What every mail about a meeting shows, in the recipient's language: title, time, place, and what its
     * calendar entry needs (the UID comes from the meeting id, the SEQUENCE from events.meeting.v1 when this
     * service has seen the meeting; until then 0).
     */
    static Map<String, Object> meetingModel(UUID meetingId, JsonNode meeting, Meeting known, String language) {
        Map<String, Object> model = new HashMap<>();
        Instant start = OffsetDateTime.parse(meeting.path("start").asText()).toInstant();
        Instant end = OffsetDateTime.parse(meeting.path("end").asText()).toInstant();
        model.put("meetingId", meetingId.toString());
        model.put("title", localized(meeting.path("title"), language));
        model.put("start", start.toString());
        model.put("end", end.toString());
        model.put("when", LocalTimes.span(start, end, language));
        model.put("sequence", known == null ? 0 : known.sequence());
        model.put("meetingStatus", meeting.path("status").asText("PUBLISHED"));
        JsonNode description = known == null
                ? meeting.path("description")
                : parse(known.state()).path("description");
        model.put("description", description.isMissingNode() ? "" : localized(description, language));
        JsonNode venue = meeting.path("venue");
        if (venue.hasNonNull("name")) {
            model.put("venueName", venue.get("name").asText());
            putText(model, "venueAddress", venue.path("address"));
        }
        putText(model, "onlineLink", meeting.path("onlineLink"));
        return model;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A meeting's stored state is not JSON", e);
        }
    }

    /** The text in {@code language}, or the Swedish one when there is none. */
    static String localized(JsonNode text, String language) {
        JsonNode chosen = text.path(language);
        return chosen.isTextual() ? chosen.asText() : text.path("sv").asText("");
    }

    /** {@code en} or {@code sv}: mails are written in the recipient's language, Swedish unless English. */
    static String language(String language) {
        return "en".equals(language) ? "en" : "sv";
    }

    private static void putText(Map<String, Object> model, String key, JsonNode value) {
        if (value != null && value.isTextual()) {
            model.put(key, value.asText());
        }
    }

    /** Fired inside the planning transaction; the senders wake when it commits. */
    public record DeliveriesPlanned(Channel channel) {}
}
