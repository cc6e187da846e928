package se.techtank.notifications.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import se.techtank.platform.jdbc.PlainSql;

/** The programmes notifications know of, from programmes.programme.v1. */
@ApplicationScoped
public class ProgrammeRepository implements PanacheRepositoryBase<Programme, UUID> {

    /** Keeps the programme as an event of {@code eventTime} describes it, unless a newer one was applied. */
    public boolean upsert(UUID id, String code, String stateJson, OffsetDateTime eventTime) {
        return PlainSql.update(getEntityManager(), """
                        insert into programme (id, code, state, event_time) values (?, ?, cast(? as jsonb), ?)
                        on conflict (id) do update
                        set code = excluded.code, state = excluded.state, event_time = excluded.event_time
                        where programme.event_time <= excluded.event_time
                        """, id, code, stateJson, eventTime) == 1;
    }
}
