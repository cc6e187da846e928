package se.techtank.notifications.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import se.techtank.notifications.domain.AnnouncementAudience;
import se.techtank.notifications.domain.DeliveryRepository;
import se.techtank.notifications.domain.NotificationKind;
import se.techtank.notifications.domain.ProgrammeRepository;
import se.techtank.platform.events.IncomingEvent;
import se.techtank.platform.events.MalformedEventException;

/**
 * What programmes-service's events mean here: programmes kept as they last were (for their names), and each
 * application's news mailed to the contact person named on it. An anonymised application loses its contact
 * in the delivery log too.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProgrammeNotices {

    static final String APPLICATION = "se.techtank.programmes.application.";
    static final String PROGRAMME = "se.techtank.programmes.programme.";

    /** The application facts that are mailed, by type; withdrawn and completed are the applicant's own doing. */
    static final Map<String, NotificationKind> APPLICATION_KINDS = Map.of(
            APPLICATION + "submitted", NotificationKind.APPLICATION_SUBMITTED,
            APPLICATION + "approved", NotificationKind.APPLICATION_APPROVED,
            APPLICATION + "rejected", NotificationKind.APPLICATION_REJECTED,
            APPLICATION + "waitlisted", NotificationKind.APPLICATION_WAITLISTED,
            APPLICATION + "enrolled", NotificationKind.APPLICATION_ENROLLED);

    private final ProgrammeRepository programmes;
    private final DeliveryRepository deliveries;
    private final DeliveryPlanner planner;
    private final AnnouncementAudience audience;
    private final WebhookPlanner webhooks;
    private final Clock clock = Clock.systemUTC();

    ProgrammeNotices(
            ProgrammeRepository programmes,
            DeliveryRepository deliveries,
            DeliveryPlanner planner,
            AnnouncementAudience audience,
            WebhookPlanner webhooks) {
        this.programmes = programmes;
        this.deliveries = deliveries;
        this.planner = planner;
        this.audience = audience;
        this.webhooks = webhooks;
    }

    /** An event of programmes.programme.v1; an intake opened is announced by needs (with consent). */
    public void programmeEvent(IncomingEvent event) {
        JsonNode data = event.data();
        programmes.upsert(
                uuid(event, data, "programmeId"),
                data.path("code").asText(),
                data.toString(),
                event.time() == null ? OffsetDateTime.now() : event.time());
        if ((PROGRAMME + "intake-opened").equals(event.type())) {
            announceIntake(event, data);
        }
        webhooks.plan(event);
    }

    private void announceIntake(IncomingEvent event, JsonNode programme) {
        String intakeId = programme.path("intakeId").asText("");
        JsonNode intake = null;
        for (JsonNode candidate : programme.path("intakes")) {
            if (intakeId.equals(candidate.path("intakeId").asText())) {
                intake = candidate;
            }
        }
        if (intake == null) {
            throw new MalformedEventException(event + " names no intake of the programme");
        }
        List<String> focusAreas = new ArrayList<>();
        programme.path("focusAreas").forEach(area -> focusAreas.add(area.asText()));
        boolean activeOnly =
                programme.path("eligibility").path("activeMembership").asBoolean(false);
        List<UUID> companies = audience.companies(focusAreas, activeOnly);
        if (companies.isEmpty()) {
            return;
        }
        Map<String, Map<String, Object>> models = new HashMap<>();
        for (String language : List.of("sv", "en")) {
            Map<String, Object> model = new HashMap<>();
            model.put("programmeName", DeliveryPlanner.localized(programme.path("name"), language));
            model.put("programmeDescription", DeliveryPlanner.localized(programme.path("description"), language));
            model.put("intakeName", intake.path("name").asText(""));
            model.put(
                    "closes",
                    LocalTimes.at(
                            OffsetDateTime.parse(
                                            intake.path("applicationClosesAt").asText())
                                    .toInstant(),
                            language));
            models.put(language, model);
        }
        planner.announcement(event, NotificationKind.INTAKE_ANNOUNCEMENT, companies, models);
    }

    /** An event of programmes.application.v1. */
    public void applicationEvent(IncomingEvent event) {
        JsonNode data = event.data();
        UUID applicationId = uuid(event, data, "applicationId");
        if ((APPLICATION + "anonymised").equals(event.type())) {
            deliveries.eraseApplicant(applicationId, clock.instant());
            return;
        }
        webhooks.plan(event);
        NotificationKind kind = APPLICATION_KINDS.get(event.type());
        if (kind == null) {
            return;
        }
        Optional<JsonNode> programme = Optional.ofNullable(
                        data.path("programmeId").asText(null))
                .flatMap(ProgrammeNotices::uuidOrEmpty)
                .map(programmes::findById)
                .map(p -> DeliveryPlanner.parse(p.state()));
        planner.application(event, kind, data, programme);
    }

    private static Optional<UUID> uuidOrEmpty(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static UUID uuid(IncomingEvent event, JsonNode data, String field) {
        return uuidOrEmpty(data.path(field).asText())
                .orElseThrow(() -> new MalformedEventException(event + " has no " + field));
    }
}
