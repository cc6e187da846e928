package se.techtank.notifications.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import se.techtank.platform.jdbc.PlainSql;

/** The meetings notifications know of, from events.meeting.v1. */
@ApplicationScoped
public class MeetingRepository implements PanacheRepositoryBase<Meeting, UUID> {

    /**
     * Holds the meeting's lock until the transaction ends: the events of a meeting and of its registrations
     * (two topics, two consumers) are applied one at a time per meeting, so that each sees what the other
     * committed (a registration confirmed while its meeting is being published still gets its reminder).
     */
    public void lock(UUID meetingId) {
        PlainSql.first(
                getEntityManager(),
                "select pg_advisory_xact_lock(hashtext(?))",
                row -> Boolean.TRUE,
                "meeting:" + meetingId);
    }

    /**
     * Keeps the meeting as an event of {@code eventTime} describes it, unless a newer one was applied; whether
     * this one was (false for an older event arriving late).
     */
    public boolean upsert(
            UUID id,
            String status,
            int sequence,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String stateJson,
            OffsetDateTime eventTime) {
        return PlainSql.update(getEntityManager(), """
                        insert into meeting (id, status, sequence, starts_at, ends_at, state, event_time)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), ?)
                        on conflict (id) do update
                        set status = excluded.status, sequence = excluded.sequence,
                            starts_at = excluded.starts_at, ends_at = excluded.ends_at, state = excluded.state,
                            event_time = excluded.event_time
                        where meeting.event_time <= excluded.event_time
                        """, id, status, sequence, startsAt, endsAt, stateJson, eventTime)
                == 1;
    }
}
