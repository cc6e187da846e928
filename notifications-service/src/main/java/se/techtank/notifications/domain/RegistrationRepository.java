package se.techtank.notifications.domain;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import se.techtank.platform.jdbc.PlainSql;

/** The registrations notifications know of, from events.registration.v1. */
@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    /**
     * Keeps the registration as an event of {@code eventTime} describes it, unless a newer one was applied;
     * once anonymised it stays anonymised (a late older event cannot bring the person back).
     */
    public boolean upsert(
            UUID id,
            UUID meetingId,
            String status,
            String attendeeName,
            String attendeeEmail,
            String language,
            String cancellationLink,
            boolean anonymised,
            OffsetDateTime eventTime) {
        return PlainSql.update(
                        getEntityManager(),
                        """
                        insert into registration (id, meeting_id, status, attendee_name, attendee_email, language,
                                                  cancellation_link, anonymised, event_time)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update
                        set status = excluded.status,
                            attendee_name = case when registration.anonymised then null else excluded.attendee_name end,
                            attendee_email = case when registration.anonymised then null else excluded.attendee_email end,
                            language = excluded.language,
                            cancellation_link = case when registration.anonymised then null
                                                     else excluded.cancellation_link end,
                            anonymised = registration.anonymised or excluded.anonymised,
                            event_time = excluded.event_time
                        where registration.event_time <= excluded.event_time
                        """,
                        id,
                        meetingId,
                        status,
                        anonymised ? null : attendeeName,
                        anonymised ? null : attendeeEmail,
                        language,
                        anonymised ? null : cancellationLink,
                        anonymised,
                        eventTime)
                == 1;
    }

    /** The meeting's registrations in these statuses, that can be written to. */
    public List<Registration> reachableOf(UUID meetingId, Collection<String> statuses) {
        return list("meetingId = ?1 and status in ?2 and attendeeEmail is not null order by id", meetingId, statuses);
    }

    /** Forgets the attendee and the cancellation link for good. */
    public void anonymise(UUID id) {
        update(
                "attendeeName = null, attendeeEmail = null, cancellationLink = null, anonymised = true where id = ?1",
                id);
    }
}
