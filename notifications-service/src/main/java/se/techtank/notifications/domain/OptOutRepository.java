package se.techtank.notifications.domain;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import se.techtank.platform.jdbc.PlainSql;

/**
 * The optional kinds people turned off. A recipient is {@code contact:<id>} for a contact person, or
 * {@code email:<hash>} for someone known by address only (an attendee), so that it holds for their later
 * registrations too without keeping the address.
 */
@ApplicationScoped
public class OptOutRepository {

    private final EntityManager entityManager;

    OptOutRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Turns {@code kind} off for {@code recipient}; again changes nothing. */
    public void optOut(String recipient, NotificationKind kind, Instant now) {
        PlainSql.update(
                entityManager,
                "insert into opt_out (recipient, kind, created_at) values (?, ?, ?) on conflict do nothing",
                recipient,
                kind.name(),
                now.atOffset(ZoneOffset.UTC));
    }

    /** Turns {@code kind} on again for {@code recipient}. */
    public void optIn(String recipient, NotificationKind kind) {
        PlainSql.update(entityManager, "delete from opt_out where recipient = ? and kind = ?", recipient, kind.name());
    }

    public boolean optedOut(String recipient, NotificationKind kind) {
        return PlainSql.first(
                        entityManager,
                        "select 1 from opt_out where recipient = ? and kind = ?",
                        row -> Boolean.TRUE,
                        recipient,
                        kind.name())
                .isPresent();
    }

    /** The kinds {@code recipient} turned off. */
    @SuppressWarnings("unchecked")
    public java.util.Set<NotificationKind> optedOut(String recipient) {
        java.util.List<String> kinds = entityManager
                .createNativeQuery("select kind from opt_out where recipient = ?1 order by kind")
                .setParameter(1, recipient)
                .getResultList();
        java.util.Set<NotificationKind> result = java.util.EnumSet.noneOf(NotificationKind.class);
        kinds.forEach(kind -> result.add(NotificationKind.valueOf(kind)));
        return result;
    }

    /** Forgets a recipient's choices (the person was erased). */
    public void forget(String recipient) {
        PlainSql.update(entityManager, "delete from opt_out where recipient = ?", recipient);
    }
}
