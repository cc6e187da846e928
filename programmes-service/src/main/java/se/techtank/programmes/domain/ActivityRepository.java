package se.techtank.programmes.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import se.techtank.platform.jdbc.PlainSql;

/** Activities of applications, and the meetings linked to intakes. */
@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

    public List<Activity> of(UUID applicationId) {
        return list("applicationId = ?1 order by occurredOn, createdAt", applicationId);
    }

    /**
     * Logs a MEETING activity for an attendance unless one was logged for the registration already (the
     * unique index decides, also between replicas); whether it was logged now.
     */
    public boolean logAttendance(Activity activity) {
        return PlainSql.update(
                        getEntityManager(),
                        """
                        insert into activity (id, application_id, occurred_on, kind, hours, note, registration_id,
                                              created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (registration_id, application_id) where registration_id is not null do nothing
                        """,
                        activity.id(),
                        activity.applicationId(),
                        activity.occurredOn(),
                        activity.kind().name(),
                        activity.hours(),
                        activity.note().orElse(null),
                        activity.registrationId().orElse(null),
                        activity.createdBy().orElse(null),
                        java.sql.Timestamp.from(activity.createdAt()))
                == 1;
    }

    /** The meetings linked to an intake. */
    @SuppressWarnings("unchecked")
    public List<UUID> meetingsOf(UUID intakeId) {
        return getEntityManager()
                .createNativeQuery("select meeting_id from intake_meeting where intake_id = ?1 order by meeting_id")
                .setParameter(1, intakeId)
                .getResultList();
    }

    /** Replaces the meetings linked to an intake. */
    public void linkMeetings(UUID intakeId, Collection<UUID> meetingIds) {
        getEntityManager()
                .createNativeQuery("delete from intake_meeting where intake_id = ?1")
                .setParameter(1, intakeId)
                .executeUpdate();
        for (UUID meetingId : meetingIds) {
            getEntityManager()
                    .createNativeQuery("insert into intake_meeting (intake_id, meeting_id) values (?1, ?2)")
                    .setParameter(1, intakeId)
                    .setParameter(2, meetingId)
                    .executeUpdate();
        }
    }

    /** The enrolled applications of {@code organisationNumber} in intakes that {@code meetingId} belongs to. */
    @SuppressWarnings("unchecked")
    public List<Application> enrolledAt(UUID meetingId, String organisationNumber) {
        return getEntityManager()
                .createNativeQuery(
                        "select a.* from application a join intake_meeting m on m.intake_id = a.intake_id"
                                + " where m.meeting_id = ?1 and a.organisation_number = ?2 and a.status = 'ENROLLED'",
                        Application.class)
                .setParameter(1, meetingId)
                .setParameter(2, organisationNumber)
                .getResultList();
    }

    /** Hours logged per application. */
    public java.math.BigDecimal hoursOf(UUID applicationId) {
        Object sum = getEntityManager()
                .createNativeQuery("select coalesce(sum(hours), 0) from activity where application_id = ?1")
                .setParameter(1, applicationId)
                .getSingleResult();
        return (java.math.BigDecimal) sum;
    }
}
