package se.techtank.programmes.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import se.techtank.platform.problem.NotFoundException;
import se.techtank.platform.security.Caller;
import se.techtank.programmes.domain.Activity;
import se.techtank.programmes.domain.ActivityKind;
import se.techtank.programmes.domain.ActivityRepository;
import se.techtank.programmes.domain.Application;
import se.techtank.programmes.domain.IntakeRepository;

/**
 * Participation: activities staff log for an application, and MEETING activities from attendance at
 * meetings linked to the intake (events-service's {@code registration.attended}), one per registration.
 */
@ApplicationScoped
public class ActivityService {

    private static final Logger LOG = Logger.getLogger(ActivityService.class);
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final ActivityRepository activities;
    private final IntakeRepository intakes;
    private final ApplicationAccess access;
    private final Caller caller;
    private final Clock clock = Clock.systemUTC();

    ActivityService(ActivityRepository activities, IntakeRepository intakes, ApplicationAccess access, Caller caller) {
        this.activities = activities;
        this.intakes = intakes;
        this.access = access;
        this.caller = caller;
    }

    @Transactional
    public List<Activity> of(UUID applicationId) {
        access.visible(applicationId);
        return activities.of(applicationId);
    }

    @Transactional
    public Activity log(UUID applicationId, LocalDate occurredOn, ActivityKind kind, BigDecimal hours, String note) {
        Application application = access.visible(applicationId);
        Activity activity = Activity.log(
                application.id(),
                occurredOn,
                kind,
                hours,
                note,
                null,
                caller.subject().orElse(null),
                now());
        activities.persistAndFlush(activity);
        return activity;
    }

    @Transactional
    public List<UUID> meetingsOf(UUID intakeId) {
        intakes.findByIdOptional(intakeId).orElseThrow(() -> new NotFoundException("Intake", intakeId));
        return activities.meetingsOf(intakeId);
    }

    @Transactional
    public List<UUID> linkMeetings(UUID intakeId, List<UUID> meetingIds) {
        intakes.findForUpdate(intakeId).orElseThrow(() -> new NotFoundException("Intake", intakeId));
        activities.linkMeetings(intakeId, new LinkedHashSet<>(meetingIds));
        return activities.meetingsOf(intakeId);
    }

    /**
     * Someone of the company {@code organisationNumber} attended a meeting: each enrolled application of the
     * company in an intake the meeting is linked to gets one MEETING activity of the meeting's length
     * (quarter hours), once per registration and application. Runs in the inbox's transaction.
     */
    public int attended(
            UUID registrationId,
            UUID meetingId,
            String organisationNumber,
            OffsetDateTime start,
            OffsetDateTime end,
            String title) {
        if (organisationNumber == null) {
            return 0; // a private person: no company to credit
        }
        int logged = 0;
        for (Application application : activities.enrolledAt(meetingId, organisationNumber)) {
            BigDecimal hours =
                    Activity.quarterHours(Duration.between(start, end).toMinutes());
            Activity activity = Activity.log(
                    application.id(),
                    start.atZoneSameInstant(STOCKHOLM).toLocalDate(),
                    ActivityKind.MEETING,
                    hours.min(new BigDecimal("24")),
                    title,
                    registrationId,
                    "events-service",
                    now());
            if (activities.logAttendance(activity)) {
                logged++;
            } else {
                LOG.debugf("Attendance %s was logged before", registrationId);
            }
        }
        return logged;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
