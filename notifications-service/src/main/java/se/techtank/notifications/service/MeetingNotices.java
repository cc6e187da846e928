package se.techtank.notifications.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import se.techtank.notifications.domain.AnnouncementAudience;
import se.techtank.notifications.domain.Delivery;
import se.techtank.notifications.domain.DeliveryRepository;
import se.techtank.notifications.domain.Meeting;
import se.techtank.notifications.domain.MeetingRepository;
import se.techtank.notifications.domain.NotificationKind;
import se.techtank.notifications.domain.Registration;
import se.techtank.notifications.domain.RegistrationRepository;
import se.techtank.notifications.domain.SuppressionReason;
import se.techtank.platform.events.IncomingEvent;
import se.techtank.platform.events.MalformedEventException;

/**
 * What events-service's events mean here: meetings and registrations kept as they last were, and the mails
 * they call for: each registration fact to its attendee, a reschedule to everyone still registered. An
 * anonymised registration loses its attendee here too, in the projection and in the delivery log.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MeetingNotices {

    static final String REGISTRATION = "se.techtank.events.registration.";
    static final String MEETING = "se.techtank.events.meeting.";

    /** The registration facts that are mailed, by type; the others (attended, no-show) are not news to mail. */
    static final Map<String, NotificationKind> REGISTRATION_KINDS = Map.of(
            REGISTRATION + "confirmed", NotificationKind.REGISTRATION_CONFIRMED,
            REGISTRATION + "waitlisted", NotificationKind.REGISTRATION_WAITLISTED,
            REGISTRATION + "pending-approval", NotificationKind.REGISTRATION_PENDING,
            REGISTRATION + "promoted", NotificationKind.REGISTRATION_PROMOTED,
            REGISTRATION + "cancelled", NotificationKind.REGISTRATION_CANCELLED,
            REGISTRATION + "declined", NotificationKind.REGISTRATION_DECLINED);

    static final String PUBLISHED = "PUBLISHED";
    static final String CONFIRMED = "CONFIRMED";

    /** A registration still waiting or waitlisted when its meeting was completed: nothing left to tell. */
    static final String MEETING_COMPLETED = "MEETING_COMPLETED";

    private final MeetingRepository meetings;
    private final RegistrationRepository registrations;
    private final DeliveryRepository deliveries;
    private final DeliveryPlanner planner;
    private final AnnouncementAudience audience;
    private final Clock clock = Clock.systemUTC();

    MeetingNotices(
            MeetingRepository meetings,
            RegistrationRepository registrations,
            DeliveryRepository deliveries,
            DeliveryPlanner planner,
            AnnouncementAudience audience) {
        this.meetings = meetings;
        this.registrations = registrations;
        this.deliveries = deliveries;
        this.planner = planner;
        this.audience = audience;
    }

    /** An event of events.registration.v1. */
    public void registrationEvent(IncomingEvent event) {
        JsonNode data = event.data();
        UUID registrationId = uuid(event, data, "registrationId");
        UUID meetingId = uuid(event, data, "meetingId");
        boolean anonymised = data.path("anonymised").asBoolean(false);
        JsonNode attendee = data.path("attendee");
        meetings.lock(meetingId);
        registrations.upsert(
                registrationId,
                meetingId,
                data.path("status").asText(),
                attendee.path("name").asText(null),
                attendee.path("email").asText(null),
                attendee.isObject()
                        ? DeliveryPlanner.language(attendee.path("language").asText(null))
                        : null,
                data.path("cancellationLink").asText(null),
                anonymised,
                time(event));
        if (anonymised) {
            registrations.anonymise(registrationId);
            deliveries.eraseAttendee(registrationId, clock.instant());
            return;
        }
        remind(event, registrationId, meetingId, data.path("status").asText());
        NotificationKind kind = REGISTRATION_KINDS.get(event.type());
        if (kind == null
                || MEETING_COMPLETED.equals(data.path("cancellationReason").asText(null))) {
            return;
        }
        try {
            planner.registration(event, kind, data);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEventException(event + " lacks the meeting's title or times: " + e.getMessage());
        }
    }

    /** An event of events.meeting.v1. */
    public void meetingEvent(IncomingEvent event) {
        JsonNode data = event.data();
        UUID meetingId = uuid(event, data, "meetingId");
        meetings.lock(meetingId);
        Meeting before = meetings.findById(meetingId);
        Instant previousStart = before == null ? null : before.startsAt();
        Instant previousEnd = before == null ? null : before.endsAt();
        boolean newest;
        try {
            newest = meetings.upsert(
                    meetingId,
                    data.path("status").asText(),
                    data.path("sequence").asInt(0),
                    OffsetDateTime.parse(data.path("start").asText()),
                    OffsetDateTime.parse(data.path("end").asText()),
                    data.toString(),
                    time(event));
        } catch (java.time.DateTimeException e) {
            throw new MalformedEventException(event + " lacks the meeting's times: " + e.getMessage());
        }
        if (!newest) {
            return;
        }
        Meeting meeting = current(meetingId);
        if ((MEETING + "rescheduled").equals(event.type())) {
            planner.rescheduled(event, meeting, previousStart, previousEnd);
        }
        if ((MEETING + "published").equals(event.type())) {
            announce(event, meeting, data);
        }
        remindAll(event, meeting);
    }

    /**
     * A meeting's reminders follow its latest version: a published meeting has one per confirmed attendee for
     * its current sequence (those of an earlier time are suppressed); a cancelled or completed one has none.
     */
    private void remindAll(IncomingEvent event, Meeting meeting) {
        Instant now = clock.instant();
        String current =
                Delivery.Source.reminder(meeting.id(), meeting.sequence()).key();
        boolean published = PUBLISHED.equals(meeting.status());
        for (Delivery reminder : deliveries.openOf(Delivery.Source.reminderPrefix(meeting.id()))) {
            if (!published || !reminder.sourceKey().equals(current)) {
                reminder.suppress(SuppressionReason.OUTDATED, now);
            }
        }
        if (published) {
            for (Registration registration : registrations.reachableOf(meeting.id(), List.of(CONFIRMED))) {
                planner.reminder(event, registration, meeting);
            }
        }
    }

    /** A registration's reminder: planned once it is confirmed, suppressed once it no longer is. */
    private void remind(IncomingEvent event, UUID registrationId, UUID meetingId, String status) {
        if (CONFIRMED.equals(status)) {
            Meeting meeting = meetings.findById(meetingId);
            if (meeting != null && PUBLISHED.equals(meeting.status())) {
                registrations.getEntityManager().flush();
                Registration registration = registrations.findById(registrationId);
                registrations.getEntityManager().refresh(registration);
                planner.reminder(event, registration, meeting);
            }
            return;
        }
        Instant now = clock.instant();
        for (Delivery reminder :
                deliveries.openOf(Delivery.Source.reminderPrefix(meetingId), "registration:" + registrationId)) {
            reminder.suppress(SuppressionReason.OUTDATED, now);
        }
    }

    /** A published meeting, announced to the companies whose needs meet its focus areas (with consent). */
    private void announce(IncomingEvent event, Meeting meeting, JsonNode data) {
        List<String> focusAreas = new java.util.ArrayList<>();
        data.path("focusAreas").forEach(area -> focusAreas.add(area.asText()));
        List<UUID> companies = audience.companies(
                focusAreas, "MEMBERS_ONLY".equals(data.path("audience").asText()));
        if (companies.isEmpty()) {
            return;
        }
        Map<String, Map<String, Object>> models = new java.util.HashMap<>();
        for (String language : List.of("sv", "en")) {
            Map<String, Object> model = DeliveryPlanner.meetingModel(meeting.id(), data, meeting, language);
            model.put("membersOnly", "MEMBERS_ONLY".equals(data.path("audience").asText()));
            models.put(language, model);
        }
        planner.announcement(event, NotificationKind.MEETING_ANNOUNCEMENT, companies, models);
    }

    /** The meeting as the projection holds it now (after a native upsert in this transaction). */
    private Meeting current(UUID meetingId) {
        meetings.getEntityManager().flush();
        Meeting meeting = meetings.findById(meetingId);
        meetings.getEntityManager().refresh(meeting);
        return meeting;
    }

    private static OffsetDateTime time(IncomingEvent event) {
        return event.time() == null ? OffsetDateTime.now() : event.time();
    }

    private static UUID uuid(IncomingEvent event, JsonNode data, String field) {
        try {
            return UUID.fromString(data.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(event + " has no " + field);
        }
    }
}
