package se.techtank.notifications.domain;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import se.techtank.platform.jdbc.PlainSql;

/** The contact persons notifications may write to, from members.contact.v1. */
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    /**
     * Keeps the contact as an event of {@code eventTime} describes it, unless a newer event was applied
     * already (events of one contact can arrive again, out of order, in a replay).
     */
    public void upsert(
            UUID id,
            UUID companyId,
            String name,
            String email,
            String language,
            Collection<String> consents,
            OffsetDateTime createdAt,
            OffsetDateTime eventTime) {
        PlainSql.update(
                getEntityManager(),
                """
                insert into contact (id, company_id, name, email, language, consents, created_at, event_time)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update
                set company_id = excluded.company_id, name = excluded.name, email = excluded.email,
                    language = excluded.language, consents = excluded.consents,
                    created_at = coalesce(excluded.created_at, contact.created_at), event_time = excluded.event_time
                where contact.event_time <= excluded.event_time
                """,
                id,
                companyId,
                name,
                email,
                language,
                consents.toArray(String[]::new),
                createdAt,
                eventTime);
    }

    /** The company's contact persons who can be written to (an address), oldest first. */
    public List<Contact> reachableOf(UUID companyId) {
        return list("companyId = ?1 and email is not null order by id", companyId);
    }

    /** The contacts who can be written to of any of these companies. */
    public List<Contact> reachableOf(List<UUID> companyIds) {
        return companyIds.isEmpty() ? List.of() : list("companyId in ?1 and email is not null order by id", companyIds);
    }

    public void remove(UUID id) {
        deleteById(id);
    }
}
